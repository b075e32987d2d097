import type { Node } from '@babel/types';
import { calleeName } from '../../ast/node-utils.js';
import { plainArguments, withOptions, type AnyCall, type RequestCall, type RequestShape, type ShapeTools } from '../request-shape.js';

/**
 * The browser libraries of the apikey/ticket years, each with its options object:
 * Prototype `new Ajax.Request(url, { parameters })` and `new Ajax.Updater(container, url, { parameters })`
 * (http://api.prototypejs.org/ajax/Ajax/Request/), ExtJS `Ext.Ajax.request({ url, params })`,
 * Dojo `dojo.xhrGet({ url, content })` and its siblings, and MooTools `new Request({ url, data })`
 * (only with an options object first: `new Request(url, init)` is the Fetch API's).
 */
interface Library {
  /** The callee as written: `Ajax.Request`, `Ext.Ajax.request`. */
  callees: readonly string[];
  isNew: boolean;
  /** Where the URL argument is, when it is not in the options. */
  urlArgument?: number;
  optionsArgument: number;
  paramKeys: readonly string[];
}

const LIBRARIES: readonly Library[] = [
  { callees: ['Ajax.Request'], isNew: true, urlArgument: 0, optionsArgument: 1, paramKeys: ['parameters', 'postBody'] },
  { callees: ['Ajax.Updater', 'Ajax.PeriodicalUpdater'], isNew: true, urlArgument: 1, optionsArgument: 2, paramKeys: ['parameters', 'postBody'] },
  { callees: ['Ext.Ajax.request', 'Ext.data.Connection.request'], isNew: false, optionsArgument: 0, paramKeys: ['params', 'jsonData'] },
  { callees: ['dojo.xhrGet', 'dojo.xhrPost', 'dojo.xhrPut', 'dojo.xhrDelete'], isNew: false, optionsArgument: 0, paramKeys: ['content', 'postData'] },
  { callees: ['Request', 'Request.JSON', 'Request.HTML'], isNew: true, optionsArgument: 0, paramKeys: ['data'] },
];

function libraryOf(call: AnyCall): Library | undefined {
  const name = calleeName(call);
  return name === undefined ? undefined : LIBRARIES.find((library) => library.isNew === (call.type === 'NewExpression') && library.callees.includes(name));
}

export const legacyAjaxShape: RequestShape = {
  id: 'legacy-ajax',
  paramKeys: LIBRARIES.flatMap((library) => library.paramKeys),
  requestCall(call: AnyCall, tools: ShapeTools): RequestCall | undefined {
    const library = libraryOf(call);
    const args = plainArguments(call);
    if (!library || !args) return undefined;
    const options: Node | undefined = args[library.optionsArgument];
    // MooTools' Request takes its options first; the Fetch API's Request takes a URL.
    if (library.urlArgument === undefined && (!options || !tools.objectLiteral(options))) return undefined;
    const request: RequestCall = { call, parts: {}, paramNodes: [] };
    const url = library.urlArgument === undefined ? undefined : args[library.urlArgument];
    if (url) request.parts.url = url;
    return withOptions(request, options, library.paramKeys, ['url'], tools);
  },
};
