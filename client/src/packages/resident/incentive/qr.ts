import qrcode from 'qrcode-generator';

const CELL_PX = 10;
const MARGIN_CELLS = 4;

/**
 * A QR code of `text` as a GIF data URL, drawn the same way in H5 and the mini program (no canvas).
 * Error correction M survives a scratched or glare-spotted phone screen. Passes are ASCII, so the
 * library's default byte encoding is exact.
 */
export function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  // The library's margin is in pixels: four modules of quiet zone, as scanners expect.
  return qr.createDataURL(CELL_PX, CELL_PX * MARGIN_CELLS);
}
