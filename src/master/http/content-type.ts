/** Content negotiation shared by the v1 endpoints (mesos-api.md §0 "Content negotiation", §2.1 codes). */
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../../http/http-error.js';

/** Requires a JSON body: 400 without Content-Type, 415 for anything but JSON (protobuf is not decoded yet). */
export function requireJsonBody(req: FastifyRequest): void {
  const ct = req.headers['content-type'];
  if (!ct) throw new HttpError(400, "Expecting 'Content-Type' to be present");
  const type = ct.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-protobuf') {
    throw new HttpError(415, "Expecting 'Content-Type' of application/json (application/x-protobuf is not supported by tsmesos yet)");
  }
  if (type !== 'application/json') {
    throw new HttpError(415, "Expecting 'Content-Type' of application/json or application/x-protobuf");
  }
}

/** 406 when `Accept` rules out JSON (the only response encoding tsmesos produces). */
export function requireJsonAccept(req: FastifyRequest): void {
  const accept = req.headers.accept;
  if (!accept) return;
  const ok = accept
    .split(',')
    .map((s) => s.split(';')[0]!.trim().toLowerCase())
    .some((t) => t === 'application/json' || t === '*/*' || t === 'application/*' || t === 'application/recordio');
  if (!ok) throw new HttpError(406, 'Expecting \'Accept\' to allow application/json or application/x-protobuf');
}
