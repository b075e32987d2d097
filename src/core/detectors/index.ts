import type { AnalysisContext } from '../context.js';
import { detectTicketLifecycle } from '../lifecycle/index.js';
import type { RequestShape } from '../requests/request-shape.js';
import { angularHttpShape } from './angular-http.js';
import { axiosShape } from './axios.js';
import { fetchShape } from './fetch.js';
import { gotShape } from './got.js';
import { jqueryAjaxShape } from './jquery-ajax.js';
import { legacyAjaxShape } from './legacy-ajax.js';
import { needleShape } from './needle.js';
import { nodeHttpsShape } from './node-https.js';
import { objectParamsShape } from './object-params.js';
import { detectObjectRequests } from './object-requests.js';
import { queryStringifyShape } from './query-stringify.js';
import { requestOptionsShape } from './request-options.js';
import { restlerShape } from './restler.js';
import { superagentShape } from './superagent.js';
import { detectStringRequests } from './string-requests.js';
import { urlSearchParamsShape } from './url-search-params.js';
import { xmlHttpRequestShape } from './xml-http-request.js';

export interface Detector {
  id: string;
  run(context: AnalysisContext): void;
}

/**
 * The ways code hands parameters to a query builder or an HTTP client. They share one flow
 * analysis (object-requests), so each shape only says what its calls mean.
 */
export const REQUEST_SHAPES: readonly RequestShape[] = [
  axiosShape,
  requestOptionsShape,
  restlerShape,
  needleShape,
  jqueryAjaxShape,
  legacyAjaxShape,
  angularHttpShape,
  superagentShape,
  gotShape,
  fetchShape,
  nodeHttpsShape,
  xmlHttpRequestShape,
  urlSearchParamsShape,
  queryStringifyShape,
  objectParamsShape,
];

/**
 * Every detector, in the order they run. Each reports through the context and never edits.
 * Object requests run first: they claim the expressions that carry an object's parameters into a
 * URL string, which the string detector must not rewrite a second time.
 */
export const DETECTORS: readonly Detector[] = [
  { id: 'object-requests', run: (context) => detectObjectRequests(context, REQUEST_SHAPES) },
  { id: 'string-requests', run: detectStringRequests },
  { id: 'ticket-lifecycle', run: detectTicketLifecycle },
];
