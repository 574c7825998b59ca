/**
 * Result artifacts through @actions/artifact (v2+ service): upload one per benchmark job,
 * list/download those of this run (a matrix of boards) or of another run (`findBy`: a baseline,
 * or the run a `workflow_run` reports on). A download is refused when the artifact's listed size
 * is over the limit; the zip is then downloaded as it is (not extracted by the library), checked
 * against the digest the service recorded at upload, and only then extracted, each file's size
 * checked first (src/github/artifact-zip.ts).
 */
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Artifact, ArtifactClient } from '@actions/artifact';
import { withArtifactCredentials, type CapturedSecrets } from './secrets.js';
import {
  ARTIFACT_LIMITS,
  ArtifactRefusedError,
  checkArtifactSize,
  extractArtifactZip,
} from './artifact-zip.js';

export interface ArtifactInfo {
  id: number;
  name: string;
  size: number;
  digest?: string;
  createdAt?: Date;
}

export interface RunRef {
  runId: number;
  owner: string;
  repo: string;
}

/** Raised instead of the library's error so callers can say "GHES" plainly. */
export class ArtifactsUnavailableError extends Error {
  override readonly name = 'ArtifactsUnavailableError';
}

export interface ArtifactStore {
  upload(
    name: string,
    rootDir: string,
    retentionDays: number,
  ): Promise<{ id: number; size: number; digest?: string }>;
  /** Artifacts of `run`, or of this very run when `run` is undefined. */
  list(run?: RunRef): Promise<ArtifactInfo[]>;
  /** Download into `dir`; `digestMismatch` when the bytes differ from the recorded digest. */
  download(artifact: ArtifactInfo, dir: string, run?: RunRef): Promise<{ digestMismatch: boolean }>;
}

/** Every file under dir (recursively), absolute paths, sorted for a stable zip. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function toInfo(a: Artifact): ArtifactInfo {
  return { id: a.id, name: a.name, size: a.size, digest: a.digest, createdAt: a.createdAt };
}

// @actions/artifact (with the Azure storage client) is most of the bundle: loaded on first use
// only, in its own chunk, so the action starts (and a fork PR or a report-only job ends) fast.
type ArtifactModule = typeof import('@actions/artifact');
let artifactModule: Promise<ArtifactModule> | undefined;
function loadArtifactModule(): Promise<ArtifactModule> {
  artifactModule ??= import('@actions/artifact');
  return artifactModule;
}

async function rethrow(err: unknown): Promise<never> {
  const { GHESNotSupportedError } = await loadArtifactModule();
  if (err instanceof GHESNotSupportedError) {
    throw new ArtifactsUnavailableError(
      'artifacts are not available: @actions/artifact v2+ does not work on GitHub Enterprise Server',
    );
  }
  throw err;
}

export function createArtifactStore(secrets: CapturedSecrets): ArtifactStore {
  let clientPromise: Promise<ArtifactClient> | undefined;
  const clientOf = (): Promise<ArtifactClient> =>
    (clientPromise ??= loadArtifactModule().then((m) => new m.DefaultArtifactClient()));
  const findBy = (run: RunRef) => ({
    findBy: {
      token: secrets.token,
      workflowRunId: run.runId,
      repositoryOwner: run.owner,
      repositoryName: run.repo,
    },
  });
  return {
    upload: (name, rootDir, retentionDays) =>
      withArtifactCredentials(secrets, async () => {
        const files = await filesUnder(rootDir);
        const client = await clientOf();
        const res = await client
          .uploadArtifact(name, files, rootDir, retentionDays > 0 ? { retentionDays } : {})
          .catch(rethrow);
        return { id: res.id ?? 0, size: res.size ?? 0, digest: res.digest };
      }),
    list: (run) =>
      withArtifactCredentials(secrets, async () => {
        const client = await clientOf();
        const res = await client.listArtifacts({ latest: true, ...(run ? findBy(run) : {}) }).catch(rethrow);
        return res.artifacts.map(toInfo);
      }),
    download: (artifact, dir, run) =>
      withArtifactCredentials(secrets, async () => {
        checkArtifactSize(artifact.name, artifact.size);
        const client = await clientOf();
        // The zip lands as one file in a folder of its own; nothing is extracted yet.
        const base = dir.replace(/\/+$/, '');
        await mkdir(dirname(base), { recursive: true });
        const zipDir = await mkdtemp(`${base}.zip-`);
        try {
          const res = await client
            .downloadArtifact(artifact.id, {
              path: zipDir,
              skipDecompress: true,
              ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
              ...(run ? findBy(run) : {}),
            })
            .catch(rethrow);
          if (res.digestMismatch === true) return { digestMismatch: true };
          const [zip, ...more] = await filesUnder(zipDir);
          if (!zip || more.length > 0)
            throw new ArtifactRefusedError(`${artifact.name}: the download is not one zip`);
          const bytes = (await stat(zip)).size;
          if (bytes > ARTIFACT_LIMITS.maxArtifactBytes) checkArtifactSize(artifact.name, bytes);
          await extractArtifactZip(zip, dir).catch((err: Error) => {
            throw new ArtifactRefusedError(`${artifact.name}: ${err.message}`);
          });
          return { digestMismatch: false };
        } finally {
          await rm(zipDir, { recursive: true, force: true });
        }
      }),
  };
}
