// The part of the hyphen package (npm "hyphen") this project uses: each
// language module exports a synchronous hyphenator over its TeX patterns.
interface HyphenLanguage {
  /** `text` with `hyphenChar` (default U+00AD) inserted at every hyphenation point. */
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number; exceptions?: string[] }): string;
}

declare module 'hyphen/en' {
  const language: HyphenLanguage;
  export default language;
}

declare module 'hyphen/ru' {
  const language: HyphenLanguage;
  export default language;
}

declare module 'hyphen/uk' {
  const language: HyphenLanguage;
  export default language;
}
