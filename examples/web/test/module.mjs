// peerkit.js under Node against the native tool on the same inputs: `run` gives the bytes
// of every file `peerkit run --output` writes, `check` the summary and the problems of
// `peerkit validate`, located and worded alike.
//   node --no-experimental-fetch module.mjs PEERKIT_JS TOOL SOURCE_DIR WORK_DIR
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [peerkitJs, tool, sourceDir, workDir] = process.argv.slice(2).map((a) => path.resolve(a));
const created = 1700000000;  // the tool's SOURCE_DATE_EPOCH

// peerkit.js rethrows what is not caught (its Node handlers): a failed check is reported
// here instead, without a page of the module's source.
process.on('uncaughtException', (e) => {
  console.error(e);
  process.exit(1);
});
const createPeerkit = createRequire(import.meta.url)(peerkitJs);
const peerkit = await createPeerkit();

fs.rmSync(workDir, { recursive: true, force: true });
fs.mkdirSync(workDir, { recursive: true });
const read = (name) => fs.readFileSync(path.join(sourceDir, 'examples/data', name), 'utf8');

// The inputs as the page has them: text by name.
const sample = {
  'sample_programme.json': read('sample_programme.json'),
  'sample_school.json': read('sample_school.json'),
};
const school = JSON.parse(sample['sample_school.json']);
const studentsCsv = 'id;name;gender;year;track;class\r\n' + school.students.map(
  (s) => `${s.id};"${s.name}";${s.gender};${s.year};${s.track};${s.class}\r\n`).join('');
const openData = fs.readFileSync(
  path.join(sourceDir, 'tests/data/schoolholidays_2025-2026.json'), 'utf8');

/// The tool run in a folder holding `files`: its exit code, output and error lines.
let runs = 0;
function runTool(files, args) {
  const dir = path.join(workDir, `tool-${++runs}`);
  fs.mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const r = spawnSync(tool, args, {
    cwd: dir, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: String(created) },
  });
  assert.equal(r.error, undefined, `${tool} did not run`);
  return { dir, code: r.status, out: r.stdout, err: r.stderr };
}

const call = (fn, request) => JSON.parse(peerkit[fn](JSON.stringify(request)));
const toolLines = (problems) => problems.map((p) => `peerkit: ${p.text} [${p.id}]\n`).join('');

assert.match(peerkit.version(), /^\d+\.\d+\.\d+$/);

/// `run` and `peerkit run --output` on the same request: the same files, byte for byte.
function sameRun(request, toolArgs) {
  const response = call('run', { ...request, created });
  assert.deepEqual(response.problems, []);
  assert.equal(response.ok, true);
  const tooled = runTool(request.files, ['run', request.programme, ...toolArgs, '--output', 'out']);
  assert.ok(tooled.code === 0 || tooled.code === 3, tooled.err);
  const written = fs.readdirSync(path.join(tooled.dir, 'out')).sort();
  const names = response.files.map((f) => f.name);
  for (const name of ['report.md', 'result.json', 'programme.json', 'year.ics'])
    assert.ok(names.includes(name), `${name} is among the files`);
  for (const f of response.files) {
    assert.ok(written.includes(f.name), `the tool writes ${f.name} too`);
    assert.ok(Buffer.from(f.text, 'utf8').equals(fs.readFileSync(path.join(tooled.dir, 'out', f.name))),
              `${f.name}: the same bytes as the tool's`);
  }
  // The tool adds a picture of each pairing graph where Graphviz is installed.
  assert.deepEqual(written.filter((n) => !names.includes(n) && !n.endsWith('.svg')), []);
  const file = (name) => response.files.find((f) => f.name === name).text;
  assert.deepEqual(response.result, JSON.parse(file('result.json')));
  assert.equal(response.report, file('report.md'));
  for (const role of response.result.pairing)
    for (const pair of role.pairs)
      for (const id of [pair.supporter, pair.supportee]) {
        const s = school.students.find((t) => t.id === id);
        assert.deepEqual(response.students[id],
                         { name: s.name, class: school.classes.find((c) => c.id === s.class).name });
      }
  return response;
}

const english = sameRun({ files: sample, programme: 'sample_programme.json' }, []);
sameRun({ files: { ...sample, 'students.csv': studentsCsv, 'holidays.json': openData },
          programme: 'sample_programme.json', students: 'students.csv', separator: 'semicolon',
          holidays: 'holidays.json' },
        ['--students', 'students.csv', '--separator', 'semicolon', '--holidays', 'holidays.json']);
const revealed = sameRun({ files: sample, programme: 'sample_programme.json',
                           reveal_purpose: 'the coordinator checks the pairs of newcomers' },
                         ['--reveal-special-category', 'the coordinator checks the pairs of newcomers']);
assert.match(revealed.files.find((f) => f.name === 'programme.json').text, /special_category_revealed/);

// The report in Dutch; every other file as in English.
const dutch = call('run', { files: sample, programme: 'sample_programme.json', language: 'nl', created });
assert.equal(dutch.ok, true);
assert.notEqual(dutch.report, english.report);
assert.deepEqual(dutch.files.filter((f) => f.name !== 'report.md'),
                 english.files.filter((f) => f.name !== 'report.md'));

/// `check` and `peerkit validate`: the same summary, or the same problems.
function sameCheck(request, toolArgs) {
  const response = call('check', request);
  const tooled = runTool(request.files, ['validate', request.programme, ...toolArgs]);
  if (tooled.code === 0) {
    assert.equal(response.ok, true);
    assert.equal(`${request.programme}: ${response.summary}\n`, tooled.out);
  } else {
    assert.equal(tooled.code, 2, tooled.err);
    assert.equal(response.ok, false);
    assert.ok(response.problems.length > 0);
    assert.equal(toolLines(response.problems), tooled.err);
    // The same problems stop a run.
    assert.deepEqual(call('run', request).problems, response.problems);
  }
  return response;
}

assert.match(sameCheck({ files: sample, programme: 'sample_programme.json' }, []).summary,
             /^valid: \d+ students, \d+ classes, \d+ staff, \d+ applications$/);
const badProgramme = JSON.parse(sample['sample_programme.json']);
badProgramme.year = '2025-2027';
badProgramme.pairing_dte = badProgramme.pairing_date;
const badSchool = JSON.parse(sample['sample_school.json']);
badSchool.students[3].year = 9;
const bad = sameCheck({ files: { 'sample_programme.json': JSON.stringify(badProgramme),
                                 'sample_school.json': JSON.stringify(badSchool) },
                        programme: 'sample_programme.json' }, []);
assert.ok(bad.problems.some((p) => p.location.startsWith('sample_school.json')), 'located in the school');
sameCheck({ files: { ...sample, 'bad.csv': 'id,name,year,track,class\n1001,Test A.,9,havo,1A\n' },
            programme: 'sample_programme.json', students: 'bad.csv' }, ['--students', 'bad.csv']);
// No file of an earlier request is left to be found.
sameCheck({ files: { 'sample_programme.json': sample['sample_programme.json'] },
            programme: 'sample_programme.json' }, []);
sameCheck({ files: { ...sample, 'sample_programme.json': '{"peerkit": "programme/1",' },
            programme: 'sample_programme.json' }, []);

// The request itself: every problem located in it, never an abort.
const problemOf = (text) => JSON.parse(peerkit.check(text)).problems.map((p) => [p.id, p.location]);
assert.deepEqual(problemOf('{"files": '), [['json.syntax', 'request:1:11']]);
assert.deepEqual(problemOf(JSON.stringify({ files: { '../x.json': '{}' }, programme: 'x.json' })),
                 [['json.unknown_value', 'request: files.../x.json'],
                  ['json.unknown_value', 'request: programme']]);
assert.deepEqual(problemOf(JSON.stringify({ files: sample, programme: 'sample_programme.json',
                                            separator: 'tab', language: 'fr', created: -1,
                                            colour: 'blue' })),
                 [['json.unknown_field', 'request: colour'], ['json.unknown_value', 'request: separator'],
                  ['json.unknown_value', 'request: language'], ['data.out_of_range', 'request: created']]);
console.log('peerkit.js: the same files and problems as the native tool');
