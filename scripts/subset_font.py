#!/usr/bin/env python3
# Writes a TrueType font with only the glyphs of some Unicode ranges, for the web page's start-up download:
#   subset_font.py IN.ttf OUT.ttf FIRST LAST [FIRST LAST ...]     (code points, e.g. 0x0020 0x017F)
# Glyph numbers stay as they are; every other glyph is left empty, and the tables Dear ImGui's stb_truetype does
# not read (kerning, layout, hinting, names) are dropped. The ranges come from ui/theme.cpp (ui/CMakeLists.txt).
import struct
import sys

KEPT_TABLES = [b'OS/2', b'cmap', b'glyf', b'head', b'hhea', b'hmtx', b'loca', b'maxp']


def tables_of(font):
    count = struct.unpack_from('>H', font, 4)[0]
    tables = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack_from('>4sIII', font, 12 + 16 * i)
        tables[tag] = font[offset:offset + length]
    return tables


# code point -> glyph number, from the cmap's Windows Unicode BMP subtable (format 4)
def unicode_glyphs(cmap):
    for i in range(struct.unpack_from('>H', cmap, 2)[0]):
        platform, encoding, offset = struct.unpack_from('>HHI', cmap, 4 + 8 * i)
        if (platform, encoding) == (3, 1) and struct.unpack_from('>H', cmap, offset)[0] == 4:
            break
    else:
        sys.exit('subset_font.py: the font has no Windows Unicode (3, 1) cmap of format 4')
    segments = struct.unpack_from('>H', cmap, offset + 6)[0] // 2
    ends = offset + 14
    starts = ends + 2 * segments + 2
    deltas = starts + 2 * segments
    range_offsets = deltas + 2 * segments
    glyphs = {}
    for s in range(segments):
        end, start = struct.unpack_from('>H', cmap, ends + 2 * s)[0], struct.unpack_from('>H', cmap, starts + 2 * s)[0]
        delta, range_offset = struct.unpack_from('>hH', cmap, deltas + 2 * s)[0], struct.unpack_from('>H', cmap, range_offsets + 2 * s)[0]
        for code in range(start, min(end, 0xFFFE) + 1):
            if range_offset == 0:
                glyphs[code] = (code + delta) & 0xFFFF
            else:
                at = range_offsets + 2 * s + range_offset + 2 * (code - start)
                glyph = struct.unpack_from('>H', cmap, at)[0]
                glyphs[code] = (glyph + delta) & 0xFFFF if glyph else 0
    return glyphs


# The glyphs a composite glyph is made of (its components), from its 'glyf' record.
def components(record):
    if len(record) < 10 or struct.unpack_from('>h', record, 0)[0] >= 0:
        return []
    found, at = [], 10
    while True:
        flags, glyph = struct.unpack_from('>HH', record, at)
        found.append(glyph)
        at += 4 + (4 if flags & 0x1 else 2) + (2 if flags & 0x8 else 4 if flags & 0x40 else 8 if flags & 0x80 else 0)
        if not flags & 0x20:
            return found


def subset(font, ranges):
    tables = tables_of(font)
    long_loca = struct.unpack_from('>h', tables[b'head'], 50)[0] == 1
    glyph_count = struct.unpack_from('>H', tables[b'maxp'], 4)[0]
    loca = struct.unpack_from(f'>{glyph_count + 1}{"I" if long_loca else "H"}', tables[b'loca'])
    loca = [o if long_loca else 2 * o for o in loca]
    records = [tables[b'glyf'][loca[g]:loca[g + 1]] for g in range(glyph_count)]

    unicode = unicode_glyphs(tables[b'cmap'])
    wanted = [0] + [unicode[c] for first, last in ranges for c in range(first, last + 1) if c in unicode]
    kept = set()
    while wanted:
        glyph = wanted.pop()
        if glyph not in kept:
            kept.add(glyph)
            wanted += components(records[glyph])

    glyf, offsets = b'', []
    for g in range(glyph_count):
        offsets.append(len(glyf))
        if g in kept:
            glyf += records[g] + b'\0' * (-len(records[g]) % 4)
    offsets.append(len(glyf))
    tables[b'glyf'] = glyf
    tables[b'loca'] = struct.pack(f'>{len(offsets)}I', *offsets) if long_loca else \
        struct.pack(f'>{len(offsets)}H', *[o // 2 for o in offsets])
    return write_font(font[:4], {tag: tables[tag] for tag in KEPT_TABLES})


def checksum(data):
    data += b'\0' * (-len(data) % 4)
    return sum(struct.unpack(f'>{len(data) // 4}I', data)) & 0xFFFFFFFF


def write_font(version, tables):
    count = len(tables)
    power = 1 << (count.bit_length() - 1)
    header = version + struct.pack('>HHHH', count, 16 * power, power.bit_length() - 1, 16 * (count - power))
    offset = len(header) + 16 * count
    records, body = b'', b''
    for tag in sorted(tables):
        data = tables[tag]
        records += struct.pack('>4sIII', tag, checksum(data), offset + len(body), len(data))
        body += data + b'\0' * (-len(data) % 4)
    return header + records + body


def main(args):
    if len(args) < 4 or len(args) % 2:
        sys.exit('usage: subset_font.py IN.ttf OUT.ttf FIRST LAST [FIRST LAST ...]  (code points, e.g. 0x20 0x17F)')
    points = [int(a, 0) for a in args[2:]]
    with open(args[0], 'rb') as f:
        font = f.read()
    with open(args[1], 'wb') as f:
        f.write(subset(font, list(zip(points[0::2], points[1::2]))))


if __name__ == '__main__':
    main(sys.argv[1:])
