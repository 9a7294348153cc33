/** An SVG picture as a `data:` URL for an `<img>`: shown without a request and without running anything in it. */
export const toSvgDataUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
