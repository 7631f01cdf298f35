#!/usr/bin/env python3
# gotestdata.py
#
# Copyright 2026 The Golanes authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Run Go's own execution trace parser test data against golanes-cli.

Subcommands:

  tests      Go's internal/trace/testdata/tests/*.test cases: each is a txtar
             archive with an "expect" member (SUCCESS, or FAILURE and a quoted
             regexp) and a "trace" member in Go's raw text format, which
             golanes-trace-text2bin turns into a binary trace.
  fuzz       Go's internal/trace/testdata/fuzz/FuzzReader corpus: each file is
             "go test fuzz v1" and one []byte("...") literal holding a trace.
  roundtrip  Checks golanes-trace-text2bin: the binary it writes must read
             back through "go tool trace -d=wire" as the text it was made from.
  goldens    Writes the expected results (Go's -d=parsed output) for the first
             two subcommands; see gen-goldens.

For tests and fuzz, the reference is "go tool trace -d=parsed" on the same
binary trace, run live when Go is installed, and the goldens committed under
goldens/ (when they were made with the installed Go version).  golanes-cli
events must then print the same standard output, exit with the same status
(0 or 1), and on failure print the same first line on standard error; for the
.test cases that line must also match the regexp of the expectation.

Each case prints one line; the last line is "N passed, N failed".  Exits 0
when everything passed, 1 on any failure, 77 (skip) when there is neither a
Go installation nor goldens to compare with.
"""

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

EXIT_SKIP = 77
TIMEOUT = 600
SOURCE_DIR = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GOLDENS = os.path.join(SOURCE_DIR, 'goldens')


class CaseError(Exception):
    pass


# Go string literals ------------------------------------------------------

_SIMPLE_ESCAPES = {
    ord('a'): 0x07, ord('b'): 0x08, ord('f'): 0x0c, ord('n'): 0x0a,
    ord('r'): 0x0d, ord('t'): 0x09, ord('v'): 0x0b, ord('\\'): 0x5c,
}


def _rune_utf8(value):
    if value > 0x10ffff or 0xd800 <= value <= 0xdfff:
        raise ValueError('invalid Unicode code point U+%X' % value)
    return chr(value).encode('utf-8')


def go_unquote(lit):
    """Decode a Go string literal (bytes, quotes included) to bytes.

    Interpreted ("..."), raw (`...`) and character ('x') literals are
    accepted.  Escapes: \\a \\b \\f \\n \\r \\t \\v \\\\ \\" (\\' in character
    literals), \\xNN (one byte), \\NNN (octal, one byte), \\uNNNN and
    \\UNNNNNNNN (UTF-8).  Other bytes are copied as they are.
    """
    if len(lit) < 2:
        raise ValueError('literal too short')
    quote = lit[0]
    if quote == ord('`'):
        if lit[-1] != quote or b'`' in lit[1:-1]:
            raise ValueError('malformed raw string literal')
        return lit[1:-1].replace(b'\r', b'')
    if quote not in (ord('"'), ord("'")):
        raise ValueError('not a Go string literal')

    out = bytearray()
    i = 1
    while True:
        if i >= len(lit):
            raise ValueError('unterminated literal')
        c = lit[i]
        if c == quote:
            if i + 1 != len(lit):
                raise ValueError('text after the closing quote')
            break
        if c == ord('\n'):
            raise ValueError('newline in literal')
        if c != ord('\\'):
            if c >= 0x80:
                # Copy a whole UTF-8 sequence; an invalid byte becomes
                # U+FFFD as in strconv.Unquote.
                n = 2 if c < 0xe0 else 3 if c < 0xf0 else 4
                try:
                    out += lit[i:i + n].decode('utf-8').encode('utf-8')
                    i += n
                except UnicodeDecodeError:
                    out += '\ufffd'.encode('utf-8')
                    i += 1
            else:
                out.append(c)
                i += 1
        else:
            if i + 1 >= len(lit):
                raise ValueError('backslash at the end')
            e = lit[i + 1]
            if e in _SIMPLE_ESCAPES:
                out.append(_SIMPLE_ESCAPES[e])
                i += 2
            elif e in (ord('"'), ord("'")):
                if e != quote:
                    raise ValueError('escaped %c in a %c literal' % (e, quote))
                out.append(e)
                i += 2
            elif e in (ord('x'), ord('u'), ord('U')):
                ndigits = {ord('x'): 2, ord('u'): 4, ord('U'): 8}[e]
                digits = lit[i + 2:i + 2 + ndigits]
                if len(digits) != ndigits or not re.fullmatch(rb'[0-9a-fA-F]+', digits):
                    raise ValueError('malformed \\%c escape' % e)
                value = int(digits, 16)
                if e == ord('x'):
                    out.append(value)
                else:
                    out += _rune_utf8(value)
                i += 2 + ndigits
            elif ord('0') <= e <= ord('7'):
                digits = lit[i + 1:i + 4]
                if len(digits) != 3 or not re.fullmatch(rb'[0-7]{3}', digits):
                    raise ValueError('malformed octal escape')
                value = int(digits, 8)
                if value > 255:
                    raise ValueError('octal escape out of range')
                out.append(value)
                i += 4
            else:
                raise ValueError('unknown escape \\%c' % e)
        if quote == ord("'"):
            if i >= len(lit) or lit[i] != quote or i + 1 != len(lit):
                raise ValueError('character literal with more than one character')
            break
    return bytes(out)


# Test inputs -------------------------------------------------------------

def parse_txtar(data):
    """Return the members of a txtar archive as a {name: bytes} dict."""
    members = {}
    name = None
    for line in data.splitlines(keepends=True):
        stripped = line.rstrip(b'\r\n')
        if stripped.startswith(b'-- ') and stripped.endswith(b' --') and len(stripped) >= 6:
            name = stripped[3:-3].strip().decode('utf-8', 'surrogateescape')
            members[name] = b''
        elif name is not None:
            members[name] += line
    return members


def parse_expectation(data):
    """Return (True, None) for SUCCESS or (False, regexp source) for FAILURE."""
    first = data.split(b'\n', 1)[0].rstrip(b'\r')
    word, _, rest = first.partition(b' ')
    if word == b'SUCCESS':
        return True, None
    if word == b'FAILURE':
        if not rest:
            raise CaseError('FAILURE without a pattern')
        try:
            return False, go_unquote(rest.strip()).decode('utf-8')
        except ValueError as e:
            raise CaseError('malformed FAILURE pattern %r: %s' % (rest, e))
    raise CaseError('bad expectation line %r' % first)


def parse_fuzz_file(data):
    """Return the bytes of a "go test fuzz v1" file holding one []byte."""
    header, _, body = data.partition(b'\n')
    if header.rstrip(b'\r') != b'go test fuzz v1':
        raise CaseError('not a "go test fuzz v1" file')
    m = re.fullmatch(rb'\s*\[\]byte\((.*)\)\s*', body, re.DOTALL)
    if m is None:
        raise CaseError('expected a single []byte(...) value')
    try:
        return go_unquote(m.group(1).strip())
    except ValueError as e:
        raise CaseError('bad []byte literal: %s' % e)


# Go installation ---------------------------------------------------------

class Go:
    """The installed Go toolchain: GOROOT, version and the trace tool."""

    def __init__(self):
        self.go = shutil.which('go')
        if self.go is None and os.access('/usr/local/go/bin/go', os.X_OK):
            self.go = '/usr/local/go/bin/go'
        self.env = dict(os.environ)
        self.env['TZ'] = 'UTC'
        self.env['GOTOOLCHAIN'] = 'local'
        self.env['GOFLAGS'] = ''
        # Under -Db_sanitize, make undefined behaviour fatal too.
        self.env.setdefault('UBSAN_OPTIONS', 'halt_on_error=1:abort_on_error=1:print_stacktrace=1')
        self.goroot = None
        if self.go is not None:
            try:
                out = subprocess.run([self.go, 'env', 'GOROOT'], capture_output=True,
                                     env=self.env, cwd=tempfile.gettempdir(),
                                     timeout=TIMEOUT, check=True).stdout
                self.goroot = out.decode().strip() or None
            except (OSError, subprocess.SubprocessError):
                self.go = None
        if self.goroot is None and os.path.isdir('/usr/local/go/src/internal/trace'):
            self.goroot = '/usr/local/go'
        self.version = None
        if self.goroot is not None:
            try:
                with open(os.path.join(self.goroot, 'VERSION'), 'rb') as f:
                    self.version = f.readline().decode().strip()
            except OSError:
                pass
        if self.version is None and self.go is not None:
            out = subprocess.run([self.go, 'env', 'GOVERSION'], capture_output=True,
                                 env=self.env, cwd=tempfile.gettempdir(), timeout=TIMEOUT)
            self.version = out.stdout.decode().strip() or None
        self.trace_cmd = None
        if self.go is not None:
            # Run the trace tool directly rather than through "go tool".
            out = subprocess.run([self.go, 'tool', '-n', 'trace'], capture_output=True,
                                 env=self.env, cwd=tempfile.gettempdir(), timeout=TIMEOUT)
            path = out.stdout.decode().strip()
            if out.returncode == 0 and path and os.access(path, os.X_OK):
                self.trace_cmd = [path]
            else:
                self.trace_cmd = [self.go, 'tool', 'trace']

    def testdata(self, *parts):
        if self.goroot is None:
            return None
        path = os.path.join(self.goroot, 'src', 'internal', 'trace', 'testdata', *parts)
        return path if os.path.isdir(path) else None

    def trace(self, mode, path):
        return run(self.trace_cmd + ['-d=' + mode, path], self.env)


class Result:
    def __init__(self, returncode, stdout, stderr):
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    @property
    def first_stderr_line(self):
        return self.stderr.split(b'\n', 1)[0]


def run(argv, env):
    try:
        p = subprocess.run(argv, capture_output=True, env=env, timeout=TIMEOUT,
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return Result(None, b'', b'timed out after %d s' % TIMEOUT)
    except OSError as e:
        return Result(None, b'', str(e).encode())
    return Result(p.returncode, p.stdout, p.stderr)


def show(b, limit=160):
    s = b.decode('utf-8', 'backslashreplace')
    return repr(s if len(s) <= limit else s[:limit] + '...')


def first_difference(expected, got):
    exp_lines = expected.split(b'\n')
    got_lines = got.split(b'\n')
    for i in range(max(len(exp_lines), len(got_lines))):
        e = exp_lines[i] if i < len(exp_lines) else None
        g = got_lines[i] if i < len(got_lines) else None
        if e != g:
            return 'line %d: expected %s, got %s' % (
                i + 1, show(e) if e is not None else 'end of output',
                show(g) if g is not None else 'end of output')
    return 'outputs differ'


# Goldens -----------------------------------------------------------------
#
# goldens/GO_VERSION       the Go version that produced them
# goldens/KIND/NAME.stdout Go's standard output
# goldens/KIND/NAME.status "input-sha256 HEX", "exit N" and, when N != 0,
#                          "stderr FIRST-LINE"

class Goldens:
    def __init__(self, directory):
        self.directory = directory
        self.version = None
        try:
            with open(os.path.join(directory, 'GO_VERSION'), 'rb') as f:
                self.version = f.read().decode().strip()
        except OSError:
            pass

    def load(self, kind, name):
        base = os.path.join(self.directory, kind, name)
        try:
            with open(base + '.status', 'rb') as f:
                status = f.read()
            with open(base + '.stdout', 'rb') as f:
                stdout = f.read()
        except OSError:
            return None, None
        fields = {}
        for line in status.split(b'\n'):
            key, _, value = line.partition(b' ')
            if key:
                fields[key] = value
        stderr = fields.get(b'stderr', b'')
        result = Result(int(fields[b'exit']), stdout, stderr + b'\n' if stderr else b'')
        return result, fields.get(b'input-sha256', b'').decode()

    def store(self, kind, name, input_bytes, result):
        directory = os.path.join(self.directory, kind)
        os.makedirs(directory, exist_ok=True)
        base = os.path.join(directory, name)
        status = b'input-sha256 %s\nexit %d\n' % (
            hashlib.sha256(input_bytes).hexdigest().encode(), result.returncode)
        if result.returncode != 0:
            status += b'stderr %s\n' % result.first_stderr_line
        with open(base + '.stdout', 'wb') as f:
            f.write(result.stdout)
        with open(base + '.status', 'wb') as f:
            f.write(status)


# Cases -------------------------------------------------------------------

class Case:
    """One trace to check: the binary trace and, for .test cases, the
    expectation from the archive."""

    def __init__(self, kind, name, source):
        self.kind = kind
        self.name = name
        self.source = source
        self.binary = None
        self.success = None
        self.pattern = None


def collect_cases(kind, go, text2bin, workdir):
    """Build the binary traces of all cases of @kind.  Returns a list of
    (case, error message or None)."""
    cases = []
    if kind == 'tests':
        directory = go.testdata('tests')
        names = sorted(f for f in os.listdir(directory) if f.endswith('.test'))
    else:
        directory = go.testdata('fuzz', 'FuzzReader')
        names = sorted(f for f in os.listdir(directory) if not f.startswith('.'))
    for filename in names:
        source = os.path.join(directory, filename)
        name = filename[:-len('.test')] if kind == 'tests' else filename
        case = Case(kind, name, source)
        try:
            with open(source, 'rb') as f:
                data = f.read()
            if kind == 'tests':
                members = parse_txtar(data)
                if 'expect' not in members or 'trace' not in members:
                    raise CaseError('archive lacks an "expect" or "trace" member')
                case.success, case.pattern = parse_expectation(members['expect'])
                if case.pattern is not None:
                    try:
                        re.compile(case.pattern)
                    except re.error as e:
                        raise CaseError('pattern %r does not compile: %s' % (case.pattern, e))
                text_path = os.path.join(workdir, kind + '-' + name + '.txt')
                with open(text_path, 'wb') as f:
                    f.write(members['trace'])
                case.binary = os.path.join(workdir, kind + '-' + name + '.bin')
                r = run([text2bin, '-o', case.binary, text_path], go.env)
                if r.returncode != 0:
                    raise CaseError('golanes-trace-text2bin failed: %s' % show(r.stderr))
            else:
                case.binary = os.path.join(workdir, kind + '-' + name + '.bin')
                with open(case.binary, 'wb') as f:
                    f.write(parse_fuzz_file(data))
            cases.append((case, None))
        except (OSError, CaseError) as e:
            cases.append((case, str(e)))
    return cases


def expected_result(case, go, goldens, input_bytes):
    """Go's result for the case: live when possible, checked against the
    goldens when they are for this Go version."""
    live = go.trace('parsed', case.binary) if go.trace_cmd is not None else None
    if live is not None and live.returncode not in (0, 1):
        raise CaseError('go tool trace -d=parsed failed to run (exit %s): %s'
                        % (live.returncode, show(live.stderr)))
    golden = None
    if goldens.version is not None and goldens.version == go.version:
        golden, digest = goldens.load(case.kind, case.name)
        # The goldens are for this Go: each case must have one.
        if golden is None:
            raise CaseError('no golden %s/%s.status and .stdout in %s (rerun gen-goldens)'
                            % (case.kind, case.name, goldens.directory))
        if digest != hashlib.sha256(input_bytes).hexdigest():
            raise CaseError('binary trace differs from the one the goldens were made from')
    if live is not None and golden is not None:
        diffs = []
        if live.returncode != golden.returncode:
            diffs.append('exit status %d, golden %d' % (live.returncode, golden.returncode))
        if live.stdout != golden.stdout:
            diffs.append('stdout ' + first_difference(golden.stdout, live.stdout))
        if live.first_stderr_line != golden.first_stderr_line:
            diffs.append('first stderr line %s, golden %s'
                         % (show(live.first_stderr_line), show(golden.first_stderr_line)))
        if diffs:
            raise CaseError('live Go output differs from the golden (rerun gen-goldens): '
                            + '; '.join(diffs))
    return live if live is not None else golden


def check_case(case, go, goldens, cli):
    """Returns None when golanes-cli agrees with Go, else the reason."""
    with open(case.binary, 'rb') as f:
        input_bytes = f.read()
    expected = expected_result(case, go, goldens, input_bytes)
    if expected is None:
        return 'no reference result: neither go tool trace nor a golden for this Go'

    # Go must agree with the expectation of the .test archive.
    if case.success is True and expected.returncode != 0:
        raise CaseError('Go fails on a SUCCESS case: %s' % show(expected.first_stderr_line))
    if case.success is False:
        if expected.returncode == 0:
            raise CaseError('Go succeeds on a FAILURE case')
        line = expected.first_stderr_line.decode('utf-8', 'surrogateescape')
        if not re.search(case.pattern, line):
            raise CaseError('Go error %r does not match %r' % (line, case.pattern))

    got = run([cli, 'events', case.binary], go.env)
    problems = []

    # Pre-1.22 traces: Go's own output may order events of equal time
    # either way (it merges per-P batches through maps), and then bumps
    # the later one by a nanosecond; compare them modulo that order.
    legacy = re.match(rb'go 1\.(11|19|21) trace\0', input_bytes) is not None

    for marker in (b'runtime error:', b'Sanitizer'):
        if marker in got.stderr:
            index = got.stderr.index(marker)
            problems.append('sanitizer report: %s' % show(got.stderr[max(0, index - 80):index + 200]))
    if got.returncode != expected.returncode:
        problems.append('exit status %s, expected %d (stderr: %s)'
                        % (got.returncode, expected.returncode, show(got.first_stderr_line)))
    if got.stdout != expected.stdout and \
       not (legacy and legacy_canonical(got.stdout) == legacy_canonical(expected.stdout)):
        problems.append('stdout differs: ' + first_difference(expected.stdout, got.stdout))
    if expected.returncode != 0:
        line = got.first_stderr_line
        if case.pattern is not None and \
           not re.search(case.pattern, line.decode('utf-8', 'surrogateescape')):
            problems.append('first stderr line %s does not match %r' % (show(line), case.pattern))
        if line != expected.first_stderr_line:
            problems.append('first stderr line %s, expected %s'
                            % (show(line), show(expected.first_stderr_line)))
    return '; '.join(problems) if problems else None


_TIME = re.compile(rb' Time=(-?[0-9]+)')


def legacy_canonical(text):
    """Events (with their stack lines) in runs of consecutive nanoseconds:
    each run as its first time, its length and the sorted events without
    their times.  Go converts a pre-1.22 trace so that no two events share
    a time: of events that had one, the later ones are a nanosecond apart,
    in an order that can differ between runs."""
    blocks = []
    for line in text.split(b'\n'):
        if line.startswith(b'\t') and blocks:
            blocks[-1][1].append(line)
        else:
            blocks.append([line, []])
    runs = []
    prev = None
    for head, frames in blocks:
        m = _TIME.search(head)
        t = int(m.group(1)) if m else None
        key = _TIME.sub(b'', head) + b'\n' + b'\n'.join(frames)
        if t is not None and prev is not None and t == prev + 1 and runs:
            runs[-1][2].append(key)
            runs[-1][1] += 1
        else:
            runs.append([t, 1, [key]])
        prev = t
    return [(r[0], r[1], sorted(r[2])) for r in runs]


def cmd_check(args):
    go = Go()
    if go.testdata() is None:
        print('SKIP: no Go installation with internal/trace testdata found')
        return EXIT_SKIP
    goldens = Goldens(args.goldens)
    if go.trace_cmd is None and goldens.version != go.version:
        print('SKIP: no go command, and the goldens are for %s, not %s'
              % (goldens.version, go.version))
        return EXIT_SKIP
    print('# %s (%s); goldens: %s' % (go.version, go.goroot,
          'compared' if goldens.version == go.version
          else 'not used (made with %s)' % goldens.version))

    passed = failed = skipped = 0
    with tempfile.TemporaryDirectory(prefix='golanes-gotestdata-') as workdir:
        for case, error in collect_cases(args.kind, go, args.text2bin, workdir):
            label = '%s/%s' % (case.kind, case.name)
            if error is None:
                try:
                    error = check_case(case, go, goldens, args.cli)
                except (OSError, CaseError) as e:
                    error = str(e)
            if error is None:
                passed += 1
                print('PASS %s' % label)
            else:
                failed += 1
                print('FAIL %s: %s' % (label, error))
    if passed + failed == 0:
        print('0 passed, 0 failed')
        return EXIT_SKIP
    print('%d passed, %d failed, %d skipped' % (passed, failed, skipped))
    return 1 if failed else 0


# Converter round trip ----------------------------------------------------

def canonical_events(text, from_wire):
    """Normalize a raw text trace (or -d=wire output, which has no header)
    to a list of tuples: whitespace collapsed, comments and blank lines
    dropped, data decoded.  -d=wire omits the data line of an event whose
    data is empty, so empty data is dropped from both."""
    events = []
    lines = text.split(b'\n')
    if not from_wire:
        while lines and (not lines[0].split() or lines[0].split()[0].startswith(b'#')):
            lines.pop(0)
        lines = lines[1:]
    for line in lines:
        fields = line.decode('utf-8', 'surrogateescape').split()
        if not fields or fields[0].startswith('#'):
            continue
        if fields[0].startswith('data='):
            key, _, value = line.partition(b'=')
            data = go_unquote(value.strip())
            if data:
                events.append(('data', data))
            continue
        events.append(tuple(fields))
    return events


def cmd_roundtrip(args):
    go = Go()
    if go.trace_cmd is None:
        print('SKIP: no go command found')
        return EXIT_SKIP
    print('# %s (%s)' % (go.version, go.goroot))
    inputs = []
    directory = go.testdata('tests')
    if directory is not None:
        for filename in sorted(os.listdir(directory)):
            if filename.endswith('.test'):
                with open(os.path.join(directory, filename), 'rb') as f:
                    members = parse_txtar(f.read())
                inputs.append(('tests/' + filename[:-len('.test')], members.get('trace', b'')))
    for filename in sorted(os.listdir(args.textdir)):
        if filename.endswith('.txt'):
            with open(os.path.join(args.textdir, filename), 'rb') as f:
                inputs.append(('text2bin/' + filename[:-len('.txt')], f.read()))

    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix='golanes-text2bin-') as workdir:
        for label, text in inputs:
            text_path = os.path.join(workdir, 'in.txt')
            bin_path = os.path.join(workdir, 'out.bin')
            with open(text_path, 'wb') as f:
                f.write(text)
            error = None
            r = run([args.text2bin, '-o', bin_path, text_path], go.env)
            if r.returncode != 0:
                error = 'golanes-trace-text2bin failed: %s' % show(r.stderr)
            else:
                wire = go.trace('wire', bin_path)
                if wire.returncode != 0:
                    error = 'go tool trace -d=wire failed: %s' % show(wire.first_stderr_line)
                else:
                    try:
                        want = canonical_events(text, False)
                        got = canonical_events(wire.stdout, True)
                    except ValueError as e:
                        want, got, error = None, None, 'bad data literal: %s' % e
                    if error is None and want != got:
                        for i in range(max(len(want), len(got))):
                            w = want[i] if i < len(want) else None
                            g = got[i] if i < len(got) else None
                            if w != g:
                                error = 'event %d: wrote %r, Go read %r' % (i + 1, w, g)
                                break
                    if error is None and not want:
                        error = 'no events'
            if error is None:
                passed += 1
                print('PASS %s (%d events and trailers)' % (label, len(want)))
            else:
                failed += 1
                print('FAIL %s: %s' % (label, error))
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


# Golden generation -------------------------------------------------------

def cmd_goldens(args):
    go = Go()
    if go.trace_cmd is None or go.testdata() is None:
        print('error: needs an installed Go with internal/trace testdata', file=sys.stderr)
        return 1
    directory = args.goldens
    for kind in ('tests', 'fuzz'):
        sub = os.path.join(directory, kind)
        if os.path.isdir(sub):
            shutil.rmtree(sub)
    os.makedirs(directory, exist_ok=True)
    goldens = Goldens(directory)
    count = 0
    with tempfile.TemporaryDirectory(prefix='golanes-goldens-') as workdir:
        for kind in ('tests', 'fuzz'):
            for case, error in collect_cases(kind, go, args.text2bin, workdir):
                if error is not None:
                    print('error: %s/%s: %s' % (kind, case.name, error), file=sys.stderr)
                    return 1
                first = go.trace('parsed', case.binary)
                # Go 1.24+ is meant to be deterministic; make sure.
                again = go.trace('parsed', case.binary)
                if first.returncode not in (0, 1) or (first.returncode, first.stdout, first.stderr) \
                   != (again.returncode, again.stdout, again.stderr):
                    print('error: %s/%s: go tool trace -d=parsed is not reproducible'
                          % (kind, case.name), file=sys.stderr)
                    return 1
                with open(case.binary, 'rb') as f:
                    goldens.store(kind, case.name, f.read(), first)
                count += 1
    with open(os.path.join(directory, 'GO_VERSION'), 'w') as f:
        f.write(go.version + '\n')
    print('wrote %d goldens for %s to %s' % (count, go.version, directory))
    return 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    sub = parser.add_subparsers(dest='command', required=True)
    for kind in ('tests', 'fuzz'):
        p = sub.add_parser(kind)
        p.add_argument('--cli', required=True, help='golanes-cli executable')
        p.add_argument('--text2bin', required=(kind == 'tests'),
                       help='golanes-trace-text2bin executable')
        p.add_argument('--goldens', default=DEFAULT_GOLDENS)
        p.set_defaults(func=cmd_check, kind=kind)
    p = sub.add_parser('roundtrip')
    p.add_argument('--text2bin', required=True)
    p.add_argument('--textdir', default=os.path.join(SOURCE_DIR, 'text2bin'))
    p.set_defaults(func=cmd_roundtrip)
    p = sub.add_parser('goldens')
    p.add_argument('--text2bin', required=True)
    p.add_argument('--goldens', default=DEFAULT_GOLDENS)
    p.set_defaults(func=cmd_goldens)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
