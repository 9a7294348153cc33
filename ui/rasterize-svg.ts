// Figma takes pictures of at most 4096 pixels a side
// (https://developers.figma.com/docs/plugins/api/properties/figma-createimage);
// twice the board's units keeps words sharp when a slide fills a screen.
const MAX_PIXELS = 4096;
const SHARPNESS = 2;

/**
 * Draws an SVG picture of `width` × `height` CSS pixels into a PNG file, in
 * the panel's browser (no network: the picture is a data URL, and the
 * canvas stays clean as it draws nothing from elsewhere).
 */
export async function rasterizeSvgAsync(svg: string, width: number, height: number): Promise<Uint8Array> {
  const scale = Math.min(SHARPNESS, MAX_PIXELS / Math.max(width, height));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.floor(width * scale));
  canvas.height = Math.max(1, Math.floor(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw pictures (no 2D canvas)');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('this browser could not make a PNG picture of the slide');
  return new Uint8Array(await blob.arrayBuffer());
}
