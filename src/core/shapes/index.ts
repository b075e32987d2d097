import type { RequestShape } from './request-shape.js';
import { angularHttpShape } from './request/angular-http.js';
import { axiosShape } from './request/axios.js';
import { fetchShape } from './request/fetch.js';
import { gotShape } from './request/got.js';
import { jqueryAjaxShape } from './request/jquery-ajax.js';
import { legacyAjaxShape } from './request/legacy-ajax.js';
import { needleShape } from './request/needle.js';
import { nodeHttpsShape } from './request/node-https.js';
import { objectParamsShape } from './request/object-params.js';
import { queryStringifyShape } from './request/query-stringify.js';
import { requestOptionsShape } from './request/request-options.js';
import { restlerShape } from './request/restler.js';
import { superagentShape } from './request/superagent.js';
import { urlSearchParamsShape } from './request/url-search-params.js';
import { xmlHttpRequestShape } from './request/xml-http-request.js';
import { appendAssignShape } from './string/append-assign.js';
import { arrayJoinShape } from './string/array-join.js';
import { concatShape, stringLiteralShape, templateLiteralShape } from './string/string-expressions.js';
import { utilFormatShape } from './string/util-format.js';
import type { StringShape } from './string-shape.js';

/**
 * The ways code hands parameters to a query builder or an HTTP client. They share one flow
 * analysis (detectors/object-requests.ts), so each shape only says what its calls mean. Each id
 * names the shape's fixture folder under fixtures/transforms/ (test/shape-fixtures.test.ts).
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
 * The ways code builds a request as a string. The order is the order candidates are taken in:
 * a candidate another one is made of (a `+=` right-hand side, a joined element) is analysed only
 * as part of that one, and the first of two candidates with the same root wins.
 */
export const STRING_SHAPES: readonly StringShape[] = [
  utilFormatShape,
  appendAssignShape,
  arrayJoinShape,
  concatShape,
  templateLiteralShape,
  stringLiteralShape,
];
