// The pure reading and checking of a candidate import, on hand-made CSV text (the edge cases a
// spreadsheet export brings: a byte-order mark, CRLF, quoted fields with delimiters, quotes and
// line breaks inside, semicolons or tabs between fields).
import { describe, expect, it } from "vitest";
import {
  checkRows,
  countRows,
  detectDelimiter,
  guessMapping,
  ImportFileError,
  lookupKeys,
  mappingProblems,
  parseCsv,
  parseWhen,
  resolveMapping,
  rowDrafts,
  type ImportContext,
} from "./candidate-import";
import { UNSTORABLE_MESSAGE } from "./request-boundary";

const now = new Date("2027-01-10T12:00:00Z");
const ctx = (over: Partial<ImportContext> = {}): ImportContext => ({
  existingEmails: new Set(["taken@example.com"]),
  interviewers: new Map([["sam@example.com", "u-sam"]]),
  exercises: [{ id: "ex-1", title: "System design", duration: "45 minutes", dimensionIds: ["d1", "d2"] }],
  dimensionIds: ["d1", "d2", "d3"],
  now,
  timeZone: "Europe/Berlin",
  ...over,
});
const check = (text: string, c = ctx()) => {
  const csv = parseCsv(text);
  return checkRows(rowDrafts(csv, guessMapping(csv.header)), c);
};

describe("parseCsv", () => {
  it("strips a byte-order mark, reads CRLF and quoted fields with commas, quotes and line breaks", () => {
    const csv = parseCsv('\uFEFFName,E-mail,Notes\r\n"Doe, Jane",jane@example.com,"said ""hi""\r\nthen left"\r\n');
    expect(csv.header).toEqual(["Name", "E-mail", "Notes"]);
    expect(csv.rows).toEqual([{ line: 2, cells: ["Doe, Jane", "jane@example.com", 'said "hi"\r\nthen left'] }]);
  });

  it("finds semicolons and tabs between fields, ignoring those inside quotes", () => {
    expect(detectDelimiter('"a,b,c";d;e\n')).toBe(";");
    expect(detectDelimiter("a\tb\tc\n1,2,3,4,5")).toBe("\t");
    expect(detectDelimiter("Name,E-mail\n")).toBe(",");
    expect(parseCsv("Name;E-mail\nJane;j@example.com;\n").rows[0].cells).toEqual(["Jane", "j@example.com", ""]);
  });

  it("numbers each row by the line it starts on, whatever line breaks its quoted cells hold", () => {
    const text = 'Name,E-mail,Notes\r\n"A",a@example.com,"one\r\ntwo\nthree"\r\nB,b@example.com,\r\n';
    expect(parseCsv(text).rows.map((r) => r.line)).toEqual([2, 5]);
    expect(parseCsv(text.replaceAll("\r\n", "\n")).rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it("skips blank lines and rows of empty cells; counts lines as the file does", () => {
    const csv = parseCsv("Name,E-mail\n\nA,a@example.com\n,\nB,b@example.com\n");
    expect(csv.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [3, "A"],
      [5, "B"],
    ]);
  });

  it("refuses an empty file, an unclosed quote and a lone surrogate as the file's problem", () => {
    expect(() => parseCsv("")).toThrow(ImportFileError);
    expect(() => parseCsv('Name,E-mail\n"open,x@example.com\n')).toThrow(/cannot be read as CSV/);
    expect(() => parseCsv("Name,E-mail\n\uD83D,x@example.com\n")).toThrow(/broken character/);
  });

  it("refuses more than 10,000 rows", () => {
    expect(() => parseCsv(`Name,E-mail\n${"a,b\n".repeat(10_001)}`)).toThrow(
      "The file has 10,001 rows; import at most 10,000 at a time.",
    );
  });
});

describe("the mapping", () => {
  it("is guessed from header names in any case and spelling", () => {
    expect(
      guessMapping(["Full Name", "E-Mail Address", "Interviewer", "Exercise", "Date/Time", "Length", "x"]),
    ).toEqual({
      name: 0,
      email: 1,
      interviewerEmail: 2,
      exercise: 3,
      scheduledAt: 4,
      durationMinutes: 5,
    });
  });

  it("given by name or index, names columns the file lacks; needs name and e-mail; one column per field", () => {
    expect(resolveMapping(["A", "B"], { name: "A", email: 1 })).toEqual({
      mapping: { name: 0, email: 1 },
      problems: [],
    });
    expect(resolveMapping(["A"], { name: "Z", email: 4 }).problems).toEqual([
      'Name: the file has no column "Z"',
      "E-mail: the file has no column 4",
    ]);
    expect(mappingProblems({ name: 0 })).toEqual(["Choose the column that holds the e-mail."]);
    expect(mappingProblems({ name: 0, email: 0 })).toEqual(["Name and E-mail read the same column."]);
  });
});

describe("checkRows", () => {
  it("names every problem by field: bad e-mail, duplicates in the file and in the opening (any case)", () => {
    const rows = check(
      "Name,E-mail\nA Person,nope\nB Person,B@Example.com\nC Person,b@example.com\nD Person,TAKEN@example.com\nE,e@example.com\n",
    );
    expect(rows.map((r) => r.problems)).toEqual([
      [{ field: "email", message: "Enter a valid e-mail address" }],
      [],
      [{ field: "email", message: "The same e-mail as line 3 of this file" }],
      [{ field: "email", message: "Already a candidate in this opening" }],
      [{ field: "name", message: "Enter the candidate's name" }],
    ]);
    expect(rows[1].candidate).toEqual({ name: "B Person", email: "b@example.com", source: "", notes: "" });
    expect(countRows(rows)).toEqual({ rows: 5, ready: 1, withProblems: 4, interviews: 0 });
  });

  it("plans an interview with the exercise's dimensions and length; local times in the importer's zone", () => {
    const [r] = check(
      "Name,E-mail,Interviewer,Exercise,Date\nA Person,a@example.com,SAM@example.com,system design,2027-02-01 14:30\n",
    );
    expect(r.problems).toEqual([]);
    expect(r.interview).toEqual({
      interviewerId: "u-sam",
      exerciseId: "ex-1",
      focusDimensionIds: ["d1", "d2"],
      scheduledAt: "2027-02-01T13:30:00.000Z",
      durationMinutes: 45,
    });
  });

  it("an interview without an exercise focuses on every dimension, an hour long", () => {
    const [r] = check("Name,E-mail,Interviewer,Date\nA Person,a@example.com,sam@example.com,2027-02-01T09:00:00Z\n");
    expect(r.interview).toMatchObject({ exerciseId: null, focusDimensionIds: ["d1", "d2", "d3"], durationMinutes: 60 });
  });

  it("names unknown interviewers and exercises, past and unreadable dates, lengths out of bounds", () => {
    const rows = check(
      [
        "Name,E-mail,Interviewer,Exercise,Date,Length",
        "A Person,a@example.com,who@example.com,,2027-02-01 10:00,",
        "B Person,b@example.com,sam@example.com,Pairing,2027-02-01 10:00,",
        "C Person,c@example.com,sam@example.com,,2027-01-01 10:00,",
        "D Person,d@example.com,sam@example.com,,31/01/2027,",
        "E Person,e@example.com,sam@example.com,,2027-02-01 10:00,600",
        "F Person,f@example.com,,,2027-02-01 10:00,",
        "G Person,g@example.com,sam@example.com,,2027-04-31 10:00,",
      ].join("\n"),
    );
    expect(rows.map((r) => r.problems.map((p) => `${p.field}: ${p.message}`))).toEqual([
      ["interviewerEmail: No active interviewer has the e-mail who@example.com"],
      ["exercise: This role has no exercise called “Pairing”"],
      ["scheduledAt: This date is in the past"],
      [expect.stringMatching(/^scheduledAt: Write the date and time as/)],
      ["durationMinutes: At most 8 hours"],
      ["interviewerEmail: Name the interviewer by e-mail to plan the interview"],
      [expect.stringMatching(/^scheduledAt: Write the date and time as/)],
    ]);
    expect(rows.every((r) => r.interview === null && r.candidate === null)).toBe(true);
  });

  it("a NUL is a row problem, and never reaches the e-mails looked up", () => {
    const text = "Name,E-mail,Interviewer,Date\nA Person,a\u0000@example.com,s\u0000@example.com,2027-02-01 10:00\n";
    const csv = parseCsv(text);
    const drafts = rowDrafts(csv, guessMapping(csv.header));
    expect(lookupKeys(drafts).interviewerEmails).toEqual([]);
    expect(checkRows(drafts, ctx())[0].problems).toEqual([
      { field: "email", message: UNSTORABLE_MESSAGE },
      { field: "interviewerEmail", message: UNSTORABLE_MESSAGE },
    ]);
  });

  it("prototype-looking cells are plain text", () => {
    const [r] = check("Name,E-mail,Source\n__proto__,proto@example.com,constructor\n");
    expect(r.candidate).toEqual({ name: "__proto__", email: "proto@example.com", source: "constructor", notes: "" });
  });
});

describe("parseWhen", () => {
  it("reads offsets and local wall times across DST", () => {
    expect(parseWhen("2027-07-01 09:00", "Europe/Berlin")?.toISOString()).toBe("2027-07-01T07:00:00.000Z");
    expect(parseWhen("2027-07-01T09:00:00+02:00", "UTC")?.toISOString()).toBe("2027-07-01T07:00:00.000Z");
    expect(parseWhen("2027-07-01 9:05", "Not/AZone")?.toISOString()).toBe("2027-07-01T09:05:00.000Z");
    expect(parseWhen("tomorrow", "UTC")).toBeNull();
  });
});
