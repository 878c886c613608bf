/**
 * The CLI and the sweep worker without tsx, where possible. tsx compiles each TypeScript module as it
 * loads, on a loader thread of its own, and keeps the source maps: ~30 MB more for the CLI and each
 * worker thread than the same code compiled ahead. So esbuild bundles both entry points (packages
 * stay imports, resolved from node_modules as before) into node_modules/.cache/subnet-sim/, in a folder
 * named by a hash of every source file that went in, at npm ci (below) or else on first use; each start
 * hashes those files again (a few ms) and reuses the folder while the hash matches, so an edited source
 * is rebuilt before it runs.
 * Plain JavaScript, because it decides whether tsx is needed at all. Callers fall back to tsx when
 * this returns undefined (no esbuild, a read-only install, SUBNET_SIM_NO_BUNDLE=1, a build error).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The bundled entry points, by the name callers ask for (and the output file's name). */
const ENTRIES = { cli: 'src/cli/main.ts', worker: 'src/sweep/worker-tasks.ts' };
/** Changes with the build options below: a new layout never reuses an old build. */
const LAYOUT = 'esm-split-1';
const INPUTS = 'inputs.json';
/** Old builds are removed this long after they were made (a running sweep may still load their chunks). */
const KEEP_MS = 24 * 3600 * 1000;

/**
 * The hash naming a build: the layout, esbuild's version, where the sources are (the bundle holds
 * their absolute URLs, and two checkouts may share node_modules) and every input's path and bytes.
 */
function buildId(esbuildVersion, files) {
  const hash = createHash('sha256').update(`${LAYOUT}\n${esbuildVersion}\n${ROOT}\n`);
  for (const [path, bytes] of files) hash.update(`${path}\n${bytes.length}\n`).update(bytes);
  return hash.digest('hex').slice(0, 20);
}

async function readInputs(paths) {
  return Promise.all(paths.map(async (path) => [path, await readFile(join(ROOT, path))]));
}

/**
 * Each source as the bundle will hold it: `import.meta.url` (and dirname, filename) become the source
 * file's own, so paths built from them (workers/run-spec.mjs, package.json) point where they did.
 * Records every file's bytes for the build's hash.
 */
function sourcePlugin(files) {
  return {
    name: 'subnet-sim-sources',
    setup(build) {
      build.onLoad({ filter: /.*/, namespace: 'file' }, async (args) => {
        const bytes = await readFile(args.path);
        files.set(args.path.slice(ROOT.length).replaceAll('\\', '/'), bytes);
        const ext = extname(args.path).slice(1);
        if (!['ts', 'tsx', 'mts', 'js', 'mjs'].includes(ext)) return undefined;
        const url = pathToFileURL(args.path);
        const contents = bytes
          .toString('utf8')
          .replaceAll('import.meta.url', JSON.stringify(url.href))
          .replaceAll('import.meta.dirname', JSON.stringify(fileURLToPath(new URL('.', url)).slice(0, -1)))
          .replaceAll('import.meta.filename', JSON.stringify(args.path));
        return { contents, loader: ext === 'tsx' ? 'tsx' : ext === 'mts' ? 'ts' : ext };
      });
    },
  };
}

async function build(cache) {
  const esbuild = await import('esbuild');
  const files = new Map();
  const temp = join(cache, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: Object.entries(ENTRIES).map(([out, source]) => ({ in: source, out })),
      outdir: temp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      sourcemap: 'linked',
      logLevel: 'silent',
      plugins: [sourcePlugin(files)],
    });
    files.set('tsconfig.json', await readFile(join(ROOT, 'tsconfig.json')));
    const inputs = [...files.keys()].sort();
    const id = buildId(
      esbuild.version,
      inputs.map((path) => [path, files.get(path)]),
    );
    const dir = join(cache, id);
    // Another process may have published the same build meanwhile: theirs is as good as ours.
    await rename(temp, dir).catch(() => rm(temp, { recursive: true, force: true }));
    const list = join(cache, `${INPUTS}.${process.pid}.tmp`);
    await writeFile(list, JSON.stringify({ layout: LAYOUT, esbuild: esbuild.version, inputs }));
    await rename(list, join(cache, INPUTS));
    await pruneOld(cache, id);
    return dir;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

async function pruneOld(cache, keep) {
  const now = Date.now();
  for (const entry of await readdir(cache)) {
    if (entry === keep || entry === INPUTS) continue;
    const path = join(cache, entry);
    const made = await stat(path).then(
      (s) => s.mtimeMs,
      () => now,
    );
    if (now - made > KEEP_MS) await rm(path, { recursive: true, force: true });
  }
}

/** The folder of the build matching today's sources, if there is one. */
async function freshBuild(cache) {
  const list = await readFile(join(cache, INPUTS), 'utf8').then(JSON.parse, () => undefined);
  if (list?.layout !== LAYOUT) return undefined;
  const files = await readInputs(list.inputs).catch(() => undefined);
  if (files === undefined) return undefined;
  const dir = join(cache, buildId(list.esbuild, files));
  return (await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  ))
    ? dir
    : undefined;
}

/**
 * The file: URL of entry `name` ('cli' or 'worker') bundled from the current sources, building it if
 * needed; undefined where tsx must run the sources instead.
 */
export async function bundled(name, cache = join(ROOT, 'node_modules', '.cache', 'subnet-sim')) {
  if (process.env.SUBNET_SIM_NO_BUNDLE) return undefined;
  try {
    let dir = await freshBuild(cache);
    if (dir === undefined) {
      await mkdir(cache, { recursive: true });
      dir = await build(cache);
    }
    return pathToFileURL(join(dir, `${name}.js`)).href;
  } catch (error) {
    if (process.env.SUBNET_SIM_DEBUG) process.stderr.write(`no bundle, running through tsx: ${error}\n`);
    return undefined;
  }
}

// `node bin/bundle.mjs`, package.json's `prepare` (npm ci and npm install run it): build now, so the
// first command does not wait. Never fails the install: without a build, the CLI uses tsx.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await bundled('cli');
}
