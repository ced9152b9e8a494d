import type { MessageContext as C } from './types.js';

// Phrases the English status copy and problem copy share (they are separate modules: see messages-en.ts).

/** The carrier's name, or "the carrier" mid-sentence. */
export const who = (c: C) => c.carrier || 'the carrier';
/** The carrier's name, or "The carrier" to start a sentence. */
export const Who = (c: C) => c.carrier || 'The carrier';
