import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The station's Ed25519 key pair. The private key never leaves the data directory. */
export interface StationKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM, as stored in the database and sent to head office. */
  publicKeyPem: string;
}

export function keyFilePath(dataDir: string): string {
  return join(dataDir, 'keys', 'station-ed25519.pem');
}

/** Loads the station key, or creates it (file mode 0600) when the station starts for the first time. */
export function loadOrCreateKeys(dataDir: string): { keys: StationKeys; created: boolean } {
  const file = keyFilePath(dataDir);
  if (existsSync(file)) {
    return { keys: keysFromPrivatePem(readFileSync(file, 'utf8')), created: false };
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // 'wx' fails if another process created the key in the meantime: never overwrite a key.
  writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { keys: keysFromPrivatePem(pem), created: true };
}

export function keysFromPrivatePem(pem: string): StationKeys {
  const privateKey = createPrivateKey(pem);
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function publicKeyFromPem(pem: string): KeyObject {
  return createPublicKey(pem);
}

/** Short, human-comparable fingerprint: first 16 hex chars of SHA-256 over the SPKI DER. */
export function fingerprint(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 16);
  return hex.replace(/(.{4})(?!$)/g, '$1:');
}

export function signHash(privateKey: KeyObject, hashHex: string): string {
  return sign(null, Buffer.from(hashHex, 'hex'), privateKey).toString('base64');
}

export function verifyHashSignature(
  publicKey: KeyObject,
  hashHex: string,
  signature: string,
): boolean {
  try {
    return verify(null, Buffer.from(hashHex, 'hex'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
