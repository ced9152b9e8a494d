// Real key presses in browser tests, through @web/test-runner's built-in `send-keys` command (the same call
// @web/test-runner-commands makes, without depending on that package from here), and forced colours through
// our own command (packages/elements/test-commands.plugin.js). Test-only: no entry imports it.

interface CommandSocket {
  sendMessageWaitForResponse(message: unknown): Promise<{ executed: boolean; result?: unknown }>;
}

async function command(name: string, payload: unknown): Promise<void> {
  const sessionId = new URL(window.location.href).searchParams.get('wtr-session-id');
  if (!sessionId) throw new Error('Run this test through @web/test-runner: it needs its server commands.');
  const socketModule = '/__web-dev-server__web-socket.js';
  const socket = (await import(/* @vite-ignore */ socketModule)) as CommandSocket;
  const response = await socket.sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command: name, payload });
  if (!response.executed) throw new Error(`The test runner did not run the ${name} command.`);
}

/** Presses one key (`Enter`, `Tab`, `Shift+Tab`, `Space`) in the focused element, as a person would. */
export function press(key: string): Promise<void> {
  return command('send-keys', { press: key });
}

/** Types text into the focused element, key by key. */
export function type(text: string): Promise<void> {
  return command('send-keys', { type: text });
}

/** Turns Windows-style forced colours (high contrast) on or off for the page (`test-commands.plugin.js`). */
export function emulateForcedColors(forcedColors: 'active' | 'none'): Promise<void> {
  return command('emulate-forced-colors', { forcedColors });
}

/** Sets the system's light or dark preference (`emulate-media`, built into @web/test-runner) for the page. */
export function emulateColorScheme(colorScheme: 'light' | 'dark'): Promise<void> {
  return command('emulate-media', { colorScheme });
}

/** Resizes the browser's viewport (`set-viewport`, built into @web/test-runner), as a phone's screen would be. */
export function setViewport(width: number, height: number): Promise<void> {
  return command('set-viewport', { width, height });
}
