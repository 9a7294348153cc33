import type { BoardRules } from '../../src/simulator/simulated-board';

/** Styles the panel as `rules`' host does: the page's `panel-style` link (see index.html) loads that host's panel CSS. */
export function applyPanelStyle(rules: BoardRules): void {
  const link = document.getElementById('panel-style');
  if (link instanceof HTMLLinkElement) link.href = `panel-${rules}.css`;
}
