#!/usr/bin/env node
// Entry point of the `bridgeflow` command: Node 24 runs the TypeScript sources directly.
import '../engine/cli.ts';
