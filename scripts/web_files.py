#!/usr/bin/env python3
# The web build's gzip files and its offline page (called by ui/CMakeLists.txt; web/files.js reads them):
#   web_files.py gzip IN OUT                     OUT = IN gzip'd (zopfli, else gzip -9; no name or time: the same
#                                                bytes each build)
#   web_files.py images IN OUT                   OUT = an image file (PLDIGIT1) in the masked layout, gzip'd
#   web_files.py pack OUT SRC@/fs/path ...       OUT = one gzip'd pack of files for the page's file system
#   web_files.py offline OUT PAGE APP GZ...      OUT = PAGE with its scripts, APP (a -sSINGLE_FILE build) and
#                                                the GZ files (base64) inlined: one HTML file that runs from file://
import base64
import gzip
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

ZOPFLI = shutil.which('zopfli')  # Debian's zopfli (scripts/setup): gzip files ~5% smaller than gzip -9's


def gzip_bytes(data):
    if not ZOPFLI:
        print('web_files.py: note: no zopfli (scripts/setup installs it), gzip -9 instead: the files are ~5% bigger')
        return gzip.compress(data, compresslevel=9, mtime=0)
    with tempfile.NamedTemporaryFile() as raw:
        raw.write(data)
        raw.flush()
        return subprocess.run([ZOPFLI, '-c', raw.name], check=True, stdout=subprocess.PIPE).stdout


def write(path, data):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data)


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def gzip_file(source, out):
    write(out, gzip_bytes(read(source)))


# The masked layout of an image file ('PLDIGIT1', u32 LE count, per image a u8 label and 28 x 28 u8 pixels), the
# same bytes in an order deflate packs ~14% smaller (web/files.js restores the file): 'PLMASKED', the count, the
# count labels, per image and row 4 bytes of bits (pixel != 0, column 0 in bit 7 of the first byte), then every
# nonzero pixel in file order. Most pixels are 0: without them the strokes' gray levels lie next to each other.
IMAGE_SIDE = 28
ROW_MASK_BYTES = 4


def masked_images(data):
    if data[:8] != b'PLDIGIT1':
        sys.exit('web_files.py images: not an image file (expected PLDIGIT1)')
    count = struct.unpack_from('<I', data, 8)[0]
    record = 1 + IMAGE_SIDE * IMAGE_SIDE
    if len(data) != 12 + count * record:
        sys.exit(f'web_files.py images: {len(data)} bytes, expected {12 + count * record} for {count} images')
    labels, masks, pixels = bytearray(), bytearray(), bytearray()
    for start in range(12, len(data), record):
        labels.append(data[start])
        for row in range(start + 1, start + record, IMAGE_SIDE):
            line = data[row:row + IMAGE_SIDE]
            bits = sum(1 << (8 * ROW_MASK_BYTES - 1 - column) for column, value in enumerate(line) if value)
            masks += bits.to_bytes(ROW_MASK_BYTES, 'big')
            pixels += line.replace(b'\0', b'')
    return b'PLMASKED' + data[8:12] + labels + masks + pixels


# The pack: u32 little-endian length of a JSON index [[path, size], ...], the index, then the files' bytes in order.
def pack(out, entries):
    files = [entry.split('@', 1) for entry in entries]
    contents = [read(source) for source, _ in files]
    index = json.dumps([[path, len(data)] for (_, path), data in zip(files, contents)]).encode()
    write(out, gzip_bytes(struct.pack('<I', len(index)) + index + b''.join(contents)))


# A script element's text ends at the first "</script": the inlined code and data must not hold one.
def script_text(text, what):
    if re.search(r'</script', text, re.IGNORECASE):
        sys.exit(f'web_files.py: {what} contains "</script" and cannot be inlined')
    return text


def offline(out, page_path, app_path, gz_paths):
    page = read(page_path).decode()
    folder = os.path.dirname(page_path)

    def inline_script(match):
        code = read(os.path.join(folder, match.group(1))).decode()
        return '<script>\n' + script_text(code, match.group(1)) + '</script>'

    page, count = re.subn(r'<script src="([a-z]+\.js)"></script>', inline_script, page)
    if count == 0:
        sys.exit(f'web_files.py: {page_path} loads no <script src="...js">: nothing to inline')
    embedded = [f'<script type="text/plain" id="pl-app">{script_text(read(app_path).decode(), app_path)}</script>']
    for path in gz_paths:
        name = os.path.basename(path)
        embedded.append(f'<script type="application/octet-stream" id="pl-file-{name}">'
                        f'{base64.b64encode(read(path)).decode()}</script>')
    # The embedded files come first in <body>, so the page's scripts find them.
    page = page.replace('<body>\n', '<body>\n' + '\n'.join(embedded) + '\n', 1)
    write(out, page.encode())


def main(args):
    commands = {'gzip': lambda a: gzip_file(a[0], a[1]), 'pack': lambda a: pack(a[0], a[1:]),
                'images': lambda a: write(a[1], gzip_bytes(masked_images(read(a[0])))),
                'offline': lambda a: offline(a[0], a[1], a[2], a[3:])}
    if len(args) < 3 or args[0] not in commands:
        sys.exit('usage: web_files.py gzip IN OUT | images IN OUT | pack OUT SRC@/path ... | offline OUT PAGE APP GZ ...'
                 f' (commands: {", ".join(commands)})')
    commands[args[0]](args[1:])


if __name__ == '__main__':
    main(sys.argv[1:])
