// Headless Chromium (Debian's) through playwright-core, with WebGL2 on SwiftShader (see ../shared/TOOLCHAIN.md).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('../../third_party/node_modules/playwright-core');

const chromiumArgs = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-gpu',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
}
