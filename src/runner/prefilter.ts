/**
 * The prefilter: decides from a file's bytes, without decoding or parsing it, whether any rule
 * could report in it. The list of anchors is core's (src/core/candidate-anchors.ts), so the
 * analysis gates on the same spellings.
 */
import { CANDIDATE } from '../core/candidate-anchors.js';

export function isCandidateBytes(bytes: Uint8Array): boolean {
  const view = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return CANDIDATE.test(view.toString('latin1'));
}
