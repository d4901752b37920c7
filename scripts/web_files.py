#!/usr/bin/env python3
# The web build's gzip files and its offline page (called by ui/CMakeLists.txt; web/files.js reads them):
#   web_files.py gzip IN OUT                     OUT = IN gzip'd (level 9, no name or time: the same bytes each build)
#   web_files.py pack OUT SRC@/fs/path ...       OUT = one gzip'd pack of files for the page's file system
#   web_files.py offline OUT PAGE APP GZ...      OUT = PAGE with its scripts, APP (a -sSINGLE_FILE build) and
#                                                the GZ files (base64) inlined: one HTML file that runs from file://
import base64
import gzip
import json
import os
import re
import struct
import sys


def gzip_bytes(data):
    return gzip.compress(data, compresslevel=9, mtime=0)


def write(path, data):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data)


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def gzip_file(source, out):
    write(out, gzip_bytes(read(source)))


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
                'offline': lambda a: offline(a[0], a[1], a[2], a[3:])}
    if len(args) < 3 or args[0] not in commands:
        sys.exit('usage: web_files.py gzip IN OUT | pack OUT SRC@/path ... | offline OUT PAGE APP GZ ...'
                 f' (commands: {", ".join(commands)})')
    commands[args[0]](args[1:])


if __name__ == '__main__':
    main(sys.argv[1:])
