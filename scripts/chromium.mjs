// Debian's Chromium and the flags it needs on these machines (no sandbox as root, no
// background network traffic on a closed network). Shared by the scripts and the tests.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
