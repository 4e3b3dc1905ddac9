// csv: reader, writer, DictReader and DictWriter for the default dialect
// (comma, double quote, QUOTE_MINIMAL, '\r\n' line ends) with the
// delimiter, quotechar, quoting, lineterminator and skipinitialspace
// options, written in the script language.

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
QUOTE_MINIMAL = 0
QUOTE_ALL = 1
QUOTE_NONNUMERIC = 2
QUOTE_NONE = 3


class Error(Exception):
    pass


class _Format:
    def __init__(self, delimiter=",", quotechar='"', quoting=QUOTE_MINIMAL, lineterminator="\r\n",
                 skipinitialspace=False, doublequote=True, escapechar=None, strict=False, dialect=None):
        self.delimiter = delimiter
        self.quotechar = quotechar
        self.quoting = quoting
        self.lineterminator = lineterminator
        self.skipinitialspace = skipinitialspace
        self.doublequote = doublequote
        self.escapechar = escapechar


class _Writer:
    def __init__(self, f, fmt):
        self._f = f
        self.dialect = fmt

    def _field(self, value):
        d = self.dialect
        if value is None:
            text = ""
        elif isinstance(value, float):
            text = repr(value)
        else:
            text = str(value)
        quote = d.quoting == QUOTE_ALL or (d.quoting == QUOTE_NONNUMERIC and not isinstance(value, (int, float)))
        if d.quoting == QUOTE_MINIMAL:
            quote = any(c in text for c in (d.delimiter, d.quotechar, "\r", "\n"))
        if quote:
            return d.quotechar + text.replace(d.quotechar, d.quotechar * 2) + d.quotechar
        return text

    def writerow(self, row):
        fields = [self._field(v) for v in row]
        if len(fields) == 1 and fields[0] == "":
            fields = [self.dialect.quotechar * 2]
        line = self.dialect.delimiter.join(fields) + self.dialect.lineterminator
        return self._f.write(line)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(csvfile, dialect="excel", **fmtparams):
    return _Writer(csvfile, _Format(**fmtparams))


class _Reader:
    def __init__(self, lines, fmt):
        self._lines = iter(lines)
        self.dialect = fmt
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        d = self.dialect
        line = next(self._lines)
        self.line_num += 1
        fields = []
        field = ""
        quoted = False
        in_quotes = False
        i = 0
        while True:
            if i >= len(line):
                if in_quotes:
                    field += "\n" if not line.endswith(("\n", "\r")) else ""
                    try:
                        line = next(self._lines)
                    except StopIteration:
                        raise Error("unexpected end of data") from None
                    self.line_num += 1
                    i = 0
                    continue
                break
            c = line[i]
            if in_quotes:
                if c == d.quotechar:
                    if i + 1 < len(line) and line[i + 1] == d.quotechar and d.doublequote:
                        field += c
                        i += 2
                        continue
                    in_quotes = False
                else:
                    field += c
            elif c == d.quotechar and field == "" and d.quoting != QUOTE_NONE:
                in_quotes = True
                quoted = True
            elif c == d.delimiter:
                fields.append(self._value(field, quoted))
                field = ""
                quoted = False
                if d.skipinitialspace:
                    while i + 1 < len(line) and line[i + 1] == " ":
                        i += 1
            elif c in "\r\n":
                pass
            else:
                field += c
            i += 1
        if fields or field or quoted:
            fields.append(self._value(field, quoted))
        return fields

    def _value(self, text, quoted):
        if self.dialect.quoting == QUOTE_NONNUMERIC and not quoted:
            return float(text) if text else text
        return text


def reader(csvfile, dialect="excel", **fmtparams):
    return _Reader(csvfile, _Format(**fmtparams))


class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect="excel", *args, **kwds):
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    def __init__(self, f, fieldnames, restval="", extrasaction="raise", dialect="excel", *args, **kwds):
        self.fieldnames = list(fieldnames)
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        return self.writer.writerow(self.fieldnames)

    def _row(self, rowdict):
        if self.extrasaction == "raise":
            wrong = rowdict.keys() - self.fieldnames
            if wrong:
                raise ValueError("dict contains fields not in fieldnames: " + ", ".join([repr(x) for x in wrong]))
        return [rowdict.get(key, self.restval) for key in self.fieldnames]

    def writerow(self, rowdict):
        return self.writer.writerow(self._row(rowdict))

    def writerows(self, rowdicts):
        for row in rowdicts:
            self.writerow(row)
)PY";

}  // namespace

Ref<ModuleObj> make_csv_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("csv");
  run_source_in_module(in, m, "csv.py", kSource);
  return m;
}

}  // namespace loopscope::script
