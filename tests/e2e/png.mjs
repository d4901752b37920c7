// Minimal PNG decoder for screenshot checks: 8-bit grey/RGB/RGBA (colour types 0, 2, 4, 6), not interlaced.
import { inflateSync } from 'node:zlib';

const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 };

// Returns { width, height, channels, pixels } with the unfiltered rows packed in `pixels`.
export function decodePng(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let width = 0, height = 0, channels = 0;
  const idat = [];
  for (let at = 8; at < buf.length; ) {
    const len = buf.readUInt32BE(at), type = buf.toString('latin1', at + 4, at + 8), data = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      const depth = data[8], colour = data[9], interlace = data[12];
      channels = CHANNELS[colour];
      if (depth !== 8 || !channels || interlace) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + len;  // length + type + data + crc
  }
  const raw = inflateSync(Buffer.concat(idat)), stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)], src = y * (stride + 1) + 1, row = y * stride, prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[row + x - channels] : 0;                 // left
      const b = y > 0 ? pixels[prev + x] : 0;                                     // up
      const c = x >= channels && y > 0 ? pixels[prev + x - channels] : 0;        // up-left
      let v = raw[src + x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`bad PNG filter type ${filter} in row ${y}`);
      pixels[row + x] = v & 255;
    }
  }
  return { width, height, channels, pixels };
}

// Number of distinct colours (alpha included) in a decoded image.
export function distinctColours({ channels, pixels }) {
  const seen = new Set();
  for (let i = 0; i < pixels.length; i += channels) {
    let key = 0;
    for (let k = 0; k < channels; k++) key = key * 256 + pixels[i + k];
    seen.add(key);
  }
  return seen.size;
}
