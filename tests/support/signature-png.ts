import { PNG } from 'pngjs';

/** A drawn-looking signature: a dark wavy stroke on a transparent 300×100 PNG, as a data URL. */
export function scribblePng(): string {
  const png = new PNG({ width: 300, height: 100 });
  for (let x = 20; x < 280; x++) {
    const y = Math.round(50 + 25 * Math.sin(x / 14) * Math.cos(x / 45));
    for (let dy = -2; dy <= 2; dy++) {
      const i = ((y + dy) * png.width + x) * 4;
      png.data[i] = 20;
      png.data[i + 1] = 20;
      png.data[i + 2] = 90;
      png.data[i + 3] = 255;
    }
  }
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}
