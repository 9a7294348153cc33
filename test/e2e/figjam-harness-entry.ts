// Runs in the browser page of the FigJam panel test: stands in for FigJam
// around the built plugin. It installs the fake `figma` global, shows the
// plugin's UI html in an iframe when the plugin calls showUI, and carries
// messages both ways as FigJam does ({ pluginMessage } envelopes).
import { createFakeFigma, type FakeFigma } from '../../src/simulator/fake-figma';

interface HarnessWindow extends Window {
  __UI_HTML__?: string;
  __fake?: FakeFigma;
}

const harnessWindow = window as HarnessWindow;
const fake = createFakeFigma({ command: 'open' });
Object.assign(globalThis, { figma: fake.api, __html__: harnessWindow.__UI_HTML__ ?? '' });
harnessWindow.__fake = fake;

const iframe = document.createElement('iframe');
iframe.title = 'cjm-board panel';
iframe.style.cssText = 'width:360px;height:560px;border:1px solid #ccc';
document.body.append(iframe);

let loaded = false;
let forwarded = 0;
iframe.addEventListener('load', () => {
  loaded = true;
});
setInterval(() => {
  if (fake.shownUi && !iframe.srcdoc) iframe.srcdoc = fake.shownUi.html;
  if (!loaded) return;
  while (forwarded < fake.uiMessages.length) {
    iframe.contentWindow?.postMessage({ pluginMessage: fake.uiMessages[forwarded] }, '*');
    forwarded += 1;
  }
}, 10);

window.addEventListener('message', (event) => {
  if (event.source !== iframe.contentWindow) return;
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && 'pluginMessage' in data) fake.sendFromUi((data as { pluginMessage: unknown }).pluginMessage);
});
