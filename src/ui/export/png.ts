// An SVG document drawn onto a canvas and encoded as PNG, all in the page (no library, no network):
// the SVG is self-contained (no external images or fonts), so the canvas stays untainted.

/** Canvases larger than this on a side fail in some browsers: the picture is scaled down to fit. */
const MAX_SIDE = 8192;

export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const factor = Math.min(scale, MAX_SIDE / Math.max(width, height, 1));
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the SVG did not load as an image'));
    });
    image.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * factor));
    canvas.height = Math.max(1, Math.round(height * factor));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
