import { useEffect, useState } from 'preact/hooks';
import { pickLocale, type Locale } from '../strings';

/**
 * The language the panel inside `containerRef` speaks now: the `lang` of its
 * root element, followed as the person picks another language or a new panel
 * replaces the old one. Answers `initial` until a panel is there.
 */
export function usePanelLocale(containerRef: { current: HTMLElement | null }, initial: Locale): Locale {
  const [locale, setLocale] = useState<Locale>(initial);
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const read = () => {
      const lang = container.querySelector(':scope > [lang]')?.getAttribute('lang');
      if (lang) setLocale(pickLocale(lang));
    };
    read();
    // The panel is another component: its language shows only in its DOM.
    const observer = new MutationObserver(read);
    observer.observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: ['lang'] });
    return () => observer.disconnect();
  }, [containerRef]);
  return locale;
}
