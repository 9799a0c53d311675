// Test certificates made with the `openssl` command line in a temporary folder: a CA standing for IGC-Santé, the
// backend's server certificate (for 127.0.0.1), publishers' client certificates signed by that CA, and a
// self-signed one from nowhere. EC P-256 keys: quick to generate.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface KeyPair {
  cert: string;
  key: string;
  /** SHA-256 fingerprint as Node prints it (`AB:CD:...`), what the authenticator is configured with. */
  fingerprint256: string;
}

export interface TestPki {
  ca: { cert: string };
  server: KeyPair;
  client(name: string): KeyPair;
  /** A client certificate from the CA with this subject (e.g. `/O=Editeur/OU=SAS/CN=rdv.editeur.fr`). */
  clientWithSubject(name: string, subject: string): KeyPair;
  selfSigned(name: string, subject?: string): KeyPair;
  dispose(): void;
}

const DAYS = '2';
const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function pair(dir: string, name: string): KeyPair {
  const cert = readFileSync(path.join(dir, `${name}.crt`), 'utf8');
  return {
    cert,
    key: readFileSync(path.join(dir, `${name}.key`), 'utf8'),
    fingerprint256: new X509Certificate(cert).fingerprint256,
  };
}

export function createTestPki(): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), 'sas-mtls-'));
  openssl(
    [
      'req',
      '-x509',
      ...EC,
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      DAYS,
      '-subj',
      '/O=Test/CN=AC de test IGC-Sante',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );

  const signed = (name: string, subject: string, extensions: string) => {
    writeFileSync(path.join(dir, `${name}.ext`), extensions);
    openssl(['req', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject], dir);
    openssl(
      [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        `${name}.crt`,
        '-days',
        DAYS,
        '-extfile',
        `${name}.ext`,
      ],
      dir,
    );
    return pair(dir, name);
  };

  const server = signed(
    'server',
    '/O=Test/CN=127.0.0.1',
    'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n',
  );
  return {
    ca: { cert: readFileSync(path.join(dir, 'ca.crt'), 'utf8') },
    server,
    client: (name) => signed(name, `/O=${name}/CN=${name}`, 'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n'),
    clientWithSubject: (name, subject) =>
      signed(name, subject, 'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n'),
    selfSigned: (name, subject) => {
      openssl(
        [
          'req',
          '-x509',
          ...EC,
          '-keyout',
          `${name}.key`,
          '-out',
          `${name}.crt`,
          '-days',
          DAYS,
          '-subj',
          subject ?? `/O=${name}/CN=${name}`,
        ],
        dir,
      );
      return pair(dir, name);
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
