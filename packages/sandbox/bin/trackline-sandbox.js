#!/usr/bin/env node
// Runs the built CLI (pnpm build first).
import '../dist/cli.js';
