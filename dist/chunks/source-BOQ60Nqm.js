import { randomBytes, createHash } from 'node:crypto';
import { mkdtemp, chmod, writeFile, rm, stat, readFile } from 'node:fs/promises';
import require$$0 from 'process';
import require$$0$1 from 'buffer';
import { posix, join, dirname, basename, resolve } from 'node:path';
import { openSync, closeSync, mkdirSync, createWriteStream, existsSync, writeFileSync, appendFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';

var dist = {};

var composer = {};

var directives = {};

var identity = {};

var hasRequiredIdentity;

function requireIdentity () {
	if (hasRequiredIdentity) return identity;
	hasRequiredIdentity = 1;

	const ALIAS = Symbol.for('yaml.alias');
	const DOC = Symbol.for('yaml.document');
	const MAP = Symbol.for('yaml.map');
	const PAIR = Symbol.for('yaml.pair');
	const SCALAR = Symbol.for('yaml.scalar');
	const SEQ = Symbol.for('yaml.seq');
	const NODE_TYPE = Symbol.for('yaml.node.type');
	const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
	const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
	const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
	const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
	const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
	const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
	function isCollection(node) {
	    if (node && typeof node === 'object')
	        switch (node[NODE_TYPE]) {
	            case MAP:
	            case SEQ:
	                return true;
	        }
	    return false;
	}
	function isNode(node) {
	    if (node && typeof node === 'object')
	        switch (node[NODE_TYPE]) {
	            case ALIAS:
	            case MAP:
	            case SCALAR:
	            case SEQ:
	                return true;
	        }
	    return false;
	}
	const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

	identity.ALIAS = ALIAS;
	identity.DOC = DOC;
	identity.MAP = MAP;
	identity.NODE_TYPE = NODE_TYPE;
	identity.PAIR = PAIR;
	identity.SCALAR = SCALAR;
	identity.SEQ = SEQ;
	identity.hasAnchor = hasAnchor;
	identity.isAlias = isAlias;
	identity.isCollection = isCollection;
	identity.isDocument = isDocument;
	identity.isMap = isMap;
	identity.isNode = isNode;
	identity.isPair = isPair;
	identity.isScalar = isScalar;
	identity.isSeq = isSeq;
	return identity;
}

var visit = {};

var hasRequiredVisit;

function requireVisit () {
	if (hasRequiredVisit) return visit;
	hasRequiredVisit = 1;

	var identity = requireIdentity();

	const BREAK = Symbol('break visit');
	const SKIP = Symbol('skip children');
	const REMOVE = Symbol('remove node');
	/**
	 * Apply a visitor to an AST node or document.
	 *
	 * Walks through the tree (depth-first) starting from `node`, calling a
	 * `visitor` function with three arguments:
	 *   - `key`: For sequence values and map `Pair`, the node's index in the
	 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	 *     `null` for the root node.
	 *   - `node`: The current node.
	 *   - `path`: The ancestry of the current node.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
	 *     sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
	 *   - `Node`: Replace the current node, then continue by visiting it
	 *   - `number`: While iterating the items of a sequence or map, set the index
	 *     of the next step. This is useful especially if the index of the current
	 *     node has changed.
	 *
	 * If `visitor` is a single function, it will be called with all values
	 * encountered in the tree, including e.g. `null` values. Alternatively,
	 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	 * `Alias` and `Scalar` node. To define the same visitor function for more than
	 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	 * specific defined one will be used for each node.
	 */
	function visit$1(node, visitor) {
	    const visitor_ = initVisitor(visitor);
	    if (identity.isDocument(node)) {
	        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
	        if (cd === REMOVE)
	            node.contents = null;
	    }
	    else
	        visit_(null, node, visitor_, Object.freeze([]));
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visit$1.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visit$1.SKIP = SKIP;
	/** Remove the current node */
	visit$1.REMOVE = REMOVE;
	function visit_(key, node, visitor, path) {
	    const ctrl = callVisitor(key, node, visitor, path);
	    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
	        replaceNode(key, path, ctrl);
	        return visit_(key, ctrl, visitor, path);
	    }
	    if (typeof ctrl !== 'symbol') {
	        if (identity.isCollection(node)) {
	            path = Object.freeze(path.concat(node));
	            for (let i = 0; i < node.items.length; ++i) {
	                const ci = visit_(i, node.items[i], visitor, path);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    node.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	        }
	        else if (identity.isPair(node)) {
	            path = Object.freeze(path.concat(node));
	            const ck = visit_('key', node.key, visitor, path);
	            if (ck === BREAK)
	                return BREAK;
	            else if (ck === REMOVE)
	                node.key = null;
	            const cv = visit_('value', node.value, visitor, path);
	            if (cv === BREAK)
	                return BREAK;
	            else if (cv === REMOVE)
	                node.value = null;
	        }
	    }
	    return ctrl;
	}
	/**
	 * Apply an async visitor to an AST node or document.
	 *
	 * Walks through the tree (depth-first) starting from `node`, calling a
	 * `visitor` function with three arguments:
	 *   - `key`: For sequence values and map `Pair`, the node's index in the
	 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	 *     `null` for the root node.
	 *   - `node`: The current node.
	 *   - `path`: The ancestry of the current node.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `Promise`: Must resolve to one of the following values
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
	 *     sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
	 *   - `Node`: Replace the current node, then continue by visiting it
	 *   - `number`: While iterating the items of a sequence or map, set the index
	 *     of the next step. This is useful especially if the index of the current
	 *     node has changed.
	 *
	 * If `visitor` is a single function, it will be called with all values
	 * encountered in the tree, including e.g. `null` values. Alternatively,
	 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	 * `Alias` and `Scalar` node. To define the same visitor function for more than
	 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	 * specific defined one will be used for each node.
	 */
	async function visitAsync(node, visitor) {
	    const visitor_ = initVisitor(visitor);
	    if (identity.isDocument(node)) {
	        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
	        if (cd === REMOVE)
	            node.contents = null;
	    }
	    else
	        await visitAsync_(null, node, visitor_, Object.freeze([]));
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visitAsync.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visitAsync.SKIP = SKIP;
	/** Remove the current node */
	visitAsync.REMOVE = REMOVE;
	async function visitAsync_(key, node, visitor, path) {
	    const ctrl = await callVisitor(key, node, visitor, path);
	    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
	        replaceNode(key, path, ctrl);
	        return visitAsync_(key, ctrl, visitor, path);
	    }
	    if (typeof ctrl !== 'symbol') {
	        if (identity.isCollection(node)) {
	            path = Object.freeze(path.concat(node));
	            for (let i = 0; i < node.items.length; ++i) {
	                const ci = await visitAsync_(i, node.items[i], visitor, path);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    node.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	        }
	        else if (identity.isPair(node)) {
	            path = Object.freeze(path.concat(node));
	            const ck = await visitAsync_('key', node.key, visitor, path);
	            if (ck === BREAK)
	                return BREAK;
	            else if (ck === REMOVE)
	                node.key = null;
	            const cv = await visitAsync_('value', node.value, visitor, path);
	            if (cv === BREAK)
	                return BREAK;
	            else if (cv === REMOVE)
	                node.value = null;
	        }
	    }
	    return ctrl;
	}
	function initVisitor(visitor) {
	    if (typeof visitor === 'object' &&
	        (visitor.Collection || visitor.Node || visitor.Value)) {
	        return Object.assign({
	            Alias: visitor.Node,
	            Map: visitor.Node,
	            Scalar: visitor.Node,
	            Seq: visitor.Node
	        }, visitor.Value && {
	            Map: visitor.Value,
	            Scalar: visitor.Value,
	            Seq: visitor.Value
	        }, visitor.Collection && {
	            Map: visitor.Collection,
	            Seq: visitor.Collection
	        }, visitor);
	    }
	    return visitor;
	}
	function callVisitor(key, node, visitor, path) {
	    if (typeof visitor === 'function')
	        return visitor(key, node, path);
	    if (identity.isMap(node))
	        return visitor.Map?.(key, node, path);
	    if (identity.isSeq(node))
	        return visitor.Seq?.(key, node, path);
	    if (identity.isPair(node))
	        return visitor.Pair?.(key, node, path);
	    if (identity.isScalar(node))
	        return visitor.Scalar?.(key, node, path);
	    if (identity.isAlias(node))
	        return visitor.Alias?.(key, node, path);
	    return undefined;
	}
	function replaceNode(key, path, node) {
	    const parent = path[path.length - 1];
	    if (identity.isCollection(parent)) {
	        parent.items[key] = node;
	    }
	    else if (identity.isPair(parent)) {
	        if (key === 'key')
	            parent.key = node;
	        else
	            parent.value = node;
	    }
	    else if (identity.isDocument(parent)) {
	        parent.contents = node;
	    }
	    else {
	        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
	        throw new Error(`Cannot replace node with ${pt} parent`);
	    }
	}

	visit.visit = visit$1;
	visit.visitAsync = visitAsync;
	return visit;
}

var hasRequiredDirectives;

function requireDirectives () {
	if (hasRequiredDirectives) return directives;
	hasRequiredDirectives = 1;

	var identity = requireIdentity();
	var visit = requireVisit();

	const escapeChars = {
	    '!': '%21',
	    ',': '%2C',
	    '[': '%5B',
	    ']': '%5D',
	    '{': '%7B',
	    '}': '%7D'
	};
	const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
	class Directives {
	    constructor(yaml, tags) {
	        /**
	         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
	         * included in the document's stringified representation.
	         */
	        this.docStart = null;
	        /** The doc-end marker `...`.  */
	        this.docEnd = false;
	        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
	        this.tags = Object.assign({}, Directives.defaultTags, tags);
	    }
	    clone() {
	        const copy = new Directives(this.yaml, this.tags);
	        copy.docStart = this.docStart;
	        return copy;
	    }
	    /**
	     * During parsing, get a Directives instance for the current document and
	     * update the stream state according to the current version's spec.
	     */
	    atDocument() {
	        const res = new Directives(this.yaml, this.tags);
	        switch (this.yaml.version) {
	            case '1.1':
	                this.atNextDocument = true;
	                break;
	            case '1.2':
	                this.atNextDocument = false;
	                this.yaml = {
	                    explicit: Directives.defaultYaml.explicit,
	                    version: '1.2'
	                };
	                this.tags = Object.assign({}, Directives.defaultTags);
	                break;
	        }
	        return res;
	    }
	    /**
	     * @param onError - May be called even if the action was successful
	     * @returns `true` on success
	     */
	    add(line, onError) {
	        if (this.atNextDocument) {
	            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
	            this.tags = Object.assign({}, Directives.defaultTags);
	            this.atNextDocument = false;
	        }
	        const parts = line.trim().split(/[ \t]+/);
	        const name = parts.shift();
	        switch (name) {
	            case '%TAG': {
	                if (parts.length !== 2) {
	                    onError(0, '%TAG directive should contain exactly two parts');
	                    if (parts.length < 2)
	                        return false;
	                }
	                const [handle, prefix] = parts;
	                this.tags[handle] = prefix;
	                return true;
	            }
	            case '%YAML': {
	                this.yaml.explicit = true;
	                if (parts.length !== 1) {
	                    onError(0, '%YAML directive should contain exactly one part');
	                    return false;
	                }
	                const [version] = parts;
	                if (version === '1.1' || version === '1.2') {
	                    this.yaml.version = version;
	                    return true;
	                }
	                else {
	                    const isValid = /^\d+\.\d+$/.test(version);
	                    onError(6, `Unsupported YAML version ${version}`, isValid);
	                    return false;
	                }
	            }
	            default:
	                onError(0, `Unknown directive ${name}`, true);
	                return false;
	        }
	    }
	    /**
	     * Resolves a tag, matching handles to those defined in %TAG directives.
	     *
	     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
	     *   `'!local'` tag, or `null` if unresolvable.
	     */
	    tagName(source, onError) {
	        if (source === '!')
	            return '!'; // non-specific tag
	        if (source[0] !== '!') {
	            onError(`Not a valid tag: ${source}`);
	            return null;
	        }
	        if (source[1] === '<') {
	            const verbatim = source.slice(2, -1);
	            if (verbatim === '!' || verbatim === '!!') {
	                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
	                return null;
	            }
	            if (source[source.length - 1] !== '>')
	                onError('Verbatim tags must end with a >');
	            return verbatim;
	        }
	        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
	        if (!suffix)
	            onError(`The ${source} tag has no suffix`);
	        const prefix = this.tags[handle];
	        if (prefix) {
	            try {
	                return prefix + decodeURIComponent(suffix);
	            }
	            catch (error) {
	                onError(String(error));
	                return null;
	            }
	        }
	        if (handle === '!')
	            return source; // local tag
	        onError(`Could not resolve tag: ${source}`);
	        return null;
	    }
	    /**
	     * Given a fully resolved tag, returns its printable string form,
	     * taking into account current tag prefixes and defaults.
	     */
	    tagString(tag) {
	        for (const [handle, prefix] of Object.entries(this.tags)) {
	            if (tag.startsWith(prefix))
	                return handle + escapeTagName(tag.substring(prefix.length));
	        }
	        return tag[0] === '!' ? tag : `!<${tag}>`;
	    }
	    toString(doc) {
	        const lines = this.yaml.explicit
	            ? [`%YAML ${this.yaml.version || '1.2'}`]
	            : [];
	        const tagEntries = Object.entries(this.tags);
	        let tagNames;
	        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
	            const tags = {};
	            visit.visit(doc.contents, (_key, node) => {
	                if (identity.isNode(node) && node.tag)
	                    tags[node.tag] = true;
	            });
	            tagNames = Object.keys(tags);
	        }
	        else
	            tagNames = [];
	        for (const [handle, prefix] of tagEntries) {
	            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
	                continue;
	            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
	                lines.push(`%TAG ${handle} ${prefix}`);
	        }
	        return lines.join('\n');
	    }
	}
	Directives.defaultYaml = { explicit: false, version: '1.2' };
	Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

	directives.Directives = Directives;
	return directives;
}

var Document = {};

var Alias = {};

var anchors = {};

var hasRequiredAnchors;

function requireAnchors () {
	if (hasRequiredAnchors) return anchors;
	hasRequiredAnchors = 1;

	var identity = requireIdentity();
	var visit = requireVisit();

	/**
	 * Verify that the input string is a valid anchor.
	 *
	 * Will throw on errors.
	 */
	function anchorIsValid(anchor) {
	    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
	        const sa = JSON.stringify(anchor);
	        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
	        throw new Error(msg);
	    }
	    return true;
	}
	function anchorNames(root) {
	    const anchors = new Set();
	    visit.visit(root, {
	        Value(_key, node) {
	            if (node.anchor)
	                anchors.add(node.anchor);
	        }
	    });
	    return anchors;
	}
	/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
	function findNewAnchor(prefix, exclude) {
	    for (let i = 1; true; ++i) {
	        const name = `${prefix}${i}`;
	        if (!exclude.has(name))
	            return name;
	    }
	}
	function createNodeAnchors(doc, prefix) {
	    const aliasObjects = [];
	    const sourceObjects = new Map();
	    let prevAnchors = null;
	    return {
	        onAnchor: (source) => {
	            aliasObjects.push(source);
	            prevAnchors ?? (prevAnchors = anchorNames(doc));
	            const anchor = findNewAnchor(prefix, prevAnchors);
	            prevAnchors.add(anchor);
	            return anchor;
	        },
	        /**
	         * With circular references, the source node is only resolved after all
	         * of its child nodes are. This is why anchors are set only after all of
	         * the nodes have been created.
	         */
	        setAnchors: () => {
	            for (const source of aliasObjects) {
	                const ref = sourceObjects.get(source);
	                if (typeof ref === 'object' &&
	                    ref.anchor &&
	                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
	                    ref.node.anchor = ref.anchor;
	                }
	                else {
	                    const error = new Error('Failed to resolve repeated object (this should not happen)');
	                    error.source = source;
	                    throw error;
	                }
	            }
	        },
	        sourceObjects
	    };
	}

	anchors.anchorIsValid = anchorIsValid;
	anchors.anchorNames = anchorNames;
	anchors.createNodeAnchors = createNodeAnchors;
	anchors.findNewAnchor = findNewAnchor;
	return anchors;
}

var Node = {};

var applyReviver = {};

var hasRequiredApplyReviver;

function requireApplyReviver () {
	if (hasRequiredApplyReviver) return applyReviver;
	hasRequiredApplyReviver = 1;

	/**
	 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
	 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
	 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
	 *
	 * Includes extensions for handling Map and Set objects.
	 */
	function applyReviver$1(reviver, obj, key, val) {
	    if (val && typeof val === 'object') {
	        if (Array.isArray(val)) {
	            for (let i = 0, len = val.length; i < len; ++i) {
	                const v0 = val[i];
	                const v1 = applyReviver$1(reviver, val, String(i), v0);
	                // eslint-disable-next-line @typescript-eslint/no-array-delete
	                if (v1 === undefined)
	                    delete val[i];
	                else if (v1 !== v0)
	                    val[i] = v1;
	            }
	        }
	        else if (val instanceof Map) {
	            for (const k of Array.from(val.keys())) {
	                const v0 = val.get(k);
	                const v1 = applyReviver$1(reviver, val, k, v0);
	                if (v1 === undefined)
	                    val.delete(k);
	                else if (v1 !== v0)
	                    val.set(k, v1);
	            }
	        }
	        else if (val instanceof Set) {
	            for (const v0 of Array.from(val)) {
	                const v1 = applyReviver$1(reviver, val, v0, v0);
	                if (v1 === undefined)
	                    val.delete(v0);
	                else if (v1 !== v0) {
	                    val.delete(v0);
	                    val.add(v1);
	                }
	            }
	        }
	        else {
	            for (const [k, v0] of Object.entries(val)) {
	                const v1 = applyReviver$1(reviver, val, k, v0);
	                if (v1 === undefined)
	                    delete val[k];
	                else if (v1 !== v0)
	                    val[k] = v1;
	            }
	        }
	    }
	    return reviver.call(obj, key, val);
	}

	applyReviver.applyReviver = applyReviver$1;
	return applyReviver;
}

var toJS = {};

var hasRequiredToJS;

function requireToJS () {
	if (hasRequiredToJS) return toJS;
	hasRequiredToJS = 1;

	var identity = requireIdentity();

	/**
	 * Recursively convert any node or its contents to native JavaScript
	 *
	 * @param value - The input value
	 * @param arg - If `value` defines a `toJSON()` method, use this
	 *   as its first argument
	 * @param ctx - Conversion context, originally set in Document#toJS(). If
	 *   `{ keep: true }` is not set, output should be suitable for JSON
	 *   stringification.
	 */
	function toJS$1(value, arg, ctx) {
	    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
	    if (Array.isArray(value))
	        return value.map((v, i) => toJS$1(v, String(i), ctx));
	    if (value && typeof value.toJSON === 'function') {
	        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
	        if (!ctx || !identity.hasAnchor(value))
	            return value.toJSON(arg, ctx);
	        const data = { aliasCount: 0, count: 1, res: undefined };
	        ctx.anchors.set(value, data);
	        ctx.onCreate = res => {
	            data.res = res;
	            delete ctx.onCreate;
	        };
	        const res = value.toJSON(arg, ctx);
	        if (ctx.onCreate)
	            ctx.onCreate(res);
	        return res;
	    }
	    if (typeof value === 'bigint' && !ctx?.keep)
	        return Number(value);
	    return value;
	}

	toJS.toJS = toJS$1;
	return toJS;
}

var hasRequiredNode;

function requireNode () {
	if (hasRequiredNode) return Node;
	hasRequiredNode = 1;

	var applyReviver = requireApplyReviver();
	var identity = requireIdentity();
	var toJS = requireToJS();

	class NodeBase {
	    constructor(type) {
	        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
	    }
	    /** Create a copy of this node.  */
	    clone() {
	        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /** A plain JavaScript representation of this node. */
	    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
	        if (!identity.isDocument(doc))
	            throw new TypeError('A document argument is required');
	        const ctx = {
	            anchors: new Map(),
	            doc,
	            keep: true,
	            mapAsMap: mapAsMap === true,
	            mapKeyWarned: false,
	            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
	        };
	        const res = toJS.toJS(this, '', ctx);
	        if (typeof onAnchor === 'function')
	            for (const { count, res } of ctx.anchors.values())
	                onAnchor(res, count);
	        return typeof reviver === 'function'
	            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
	            : res;
	    }
	}

	Node.NodeBase = NodeBase;
	return Node;
}

var hasRequiredAlias;

function requireAlias () {
	if (hasRequiredAlias) return Alias;
	hasRequiredAlias = 1;

	var anchors = requireAnchors();
	var visit = requireVisit();
	var identity = requireIdentity();
	var Node = requireNode();
	var toJS = requireToJS();

	let Alias$1 = class Alias extends Node.NodeBase {
	    constructor(source) {
	        super(identity.ALIAS);
	        this.source = source;
	        Object.defineProperty(this, 'tag', {
	            set() {
	                throw new Error('Alias nodes cannot have tags');
	            }
	        });
	    }
	    /**
	     * Resolve the value of this alias within `doc`, finding the last
	     * instance of the `source` anchor before this node.
	     */
	    resolve(doc, ctx) {
	        if (ctx?.maxAliasCount === 0)
	            throw new ReferenceError('Alias resolution is disabled');
	        let nodes;
	        if (ctx?.aliasResolveCache) {
	            nodes = ctx.aliasResolveCache;
	        }
	        else {
	            nodes = [];
	            visit.visit(doc, {
	                Node: (_key, node) => {
	                    if (identity.isAlias(node) || identity.hasAnchor(node))
	                        nodes.push(node);
	                }
	            });
	            if (ctx)
	                ctx.aliasResolveCache = nodes;
	        }
	        let found = undefined;
	        for (const node of nodes) {
	            if (node === this)
	                break;
	            if (node.anchor === this.source)
	                found = node;
	        }
	        if (found && ctx) {
	            const { anchors, doc, maxAliasCount } = ctx;
	            let data = anchors.get(found);
	            if (!data) {
	                // Resolve anchors for Node.prototype.toJS()
	                toJS.toJS(found, null, ctx);
	                data = anchors.get(found);
	            }
	            /* istanbul ignore if */
	            if (data?.res === undefined) {
	                const msg = 'This should not happen: Alias anchor was not resolved?';
	                throw new ReferenceError(msg);
	            }
	            if (maxAliasCount >= 0) {
	                data.count += 1;
	                if (data.aliasCount === 0)
	                    data.aliasCount = getAliasCount(doc, found, anchors);
	                if (data.count * data.aliasCount > maxAliasCount) {
	                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
	                    throw new ReferenceError(msg);
	                }
	            }
	        }
	        return found;
	    }
	    toJSON(_arg, ctx) {
	        if (!ctx)
	            return { source: this.source };
	        const source = this.resolve(ctx.doc, ctx);
	        if (!source) {
	            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
	            throw new ReferenceError(msg);
	        }
	        return ctx.anchors.get(source).res;
	    }
	    toString(ctx, _onComment, _onChompKeep) {
	        const src = `*${this.source}`;
	        if (ctx) {
	            anchors.anchorIsValid(this.source);
	            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
	                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
	                throw new Error(msg);
	            }
	            if (ctx.implicitKey)
	                return `${src} `;
	        }
	        return src;
	    }
	};
	function getAliasCount(doc, node, anchors) {
	    if (identity.isAlias(node)) {
	        const source = node.resolve(doc);
	        const anchor = anchors && source && anchors.get(source);
	        return anchor ? anchor.count * anchor.aliasCount : 0;
	    }
	    else if (identity.isCollection(node)) {
	        let count = 0;
	        for (const item of node.items) {
	            const c = getAliasCount(doc, item, anchors);
	            if (c > count)
	                count = c;
	        }
	        return count;
	    }
	    else if (identity.isPair(node)) {
	        const kc = getAliasCount(doc, node.key, anchors);
	        const vc = getAliasCount(doc, node.value, anchors);
	        return Math.max(kc, vc);
	    }
	    return 1;
	}

	Alias.Alias = Alias$1;
	return Alias;
}

var Collection = {};

var createNode = {};

var Scalar = {};

var hasRequiredScalar;

function requireScalar () {
	if (hasRequiredScalar) return Scalar;
	hasRequiredScalar = 1;

	var identity = requireIdentity();
	var Node = requireNode();
	var toJS = requireToJS();

	const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
	let Scalar$1 = class Scalar extends Node.NodeBase {
	    constructor(value) {
	        super(identity.SCALAR);
	        this.value = value;
	    }
	    toJSON(arg, ctx) {
	        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
	    }
	    toString() {
	        return String(this.value);
	    }
	};
	Scalar$1.BLOCK_FOLDED = 'BLOCK_FOLDED';
	Scalar$1.BLOCK_LITERAL = 'BLOCK_LITERAL';
	Scalar$1.PLAIN = 'PLAIN';
	Scalar$1.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
	Scalar$1.QUOTE_SINGLE = 'QUOTE_SINGLE';

	Scalar.Scalar = Scalar$1;
	Scalar.isScalarValue = isScalarValue;
	return Scalar;
}

var hasRequiredCreateNode;

function requireCreateNode () {
	if (hasRequiredCreateNode) return createNode;
	hasRequiredCreateNode = 1;

	var Alias = requireAlias();
	var identity = requireIdentity();
	var Scalar = requireScalar();

	const defaultTagPrefix = 'tag:yaml.org,2002:';
	function findTagObject(value, tagName, tags) {
	    if (tagName) {
	        const match = tags.filter(t => t.tag === tagName);
	        const tagObj = match.find(t => !t.format) ?? match[0];
	        if (!tagObj)
	            throw new Error(`Tag ${tagName} not found`);
	        return tagObj;
	    }
	    return tags.find(t => t.identify?.(value) && !t.format);
	}
	function createNode$1(value, tagName, ctx) {
	    if (identity.isDocument(value))
	        value = value.contents;
	    if (identity.isNode(value))
	        return value;
	    if (identity.isPair(value)) {
	        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
	        map.items.push(value);
	        return map;
	    }
	    if (value instanceof String ||
	        value instanceof Number ||
	        value instanceof Boolean ||
	        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
	    ) {
	        // https://tc39.es/ecma262/#sec-serializejsonproperty
	        value = value.valueOf();
	    }
	    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
	    // Detect duplicate references to the same object & use Alias nodes for all
	    // after first. The `ref` wrapper allows for circular references to resolve.
	    let ref = undefined;
	    if (aliasDuplicateObjects && value && typeof value === 'object') {
	        ref = sourceObjects.get(value);
	        if (ref) {
	            ref.anchor ?? (ref.anchor = onAnchor(value));
	            return new Alias.Alias(ref.anchor);
	        }
	        else {
	            ref = { anchor: null, node: null };
	            sourceObjects.set(value, ref);
	        }
	    }
	    if (tagName?.startsWith('!!'))
	        tagName = defaultTagPrefix + tagName.slice(2);
	    let tagObj = findTagObject(value, tagName, schema.tags);
	    if (!tagObj) {
	        if (value && typeof value.toJSON === 'function') {
	            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
	            value = value.toJSON();
	        }
	        if (!value || typeof value !== 'object') {
	            const node = new Scalar.Scalar(value);
	            if (ref)
	                ref.node = node;
	            return node;
	        }
	        tagObj =
	            value instanceof Map
	                ? schema[identity.MAP]
	                : Symbol.iterator in Object(value)
	                    ? schema[identity.SEQ]
	                    : schema[identity.MAP];
	    }
	    if (onTagObj) {
	        onTagObj(tagObj);
	        delete ctx.onTagObj;
	    }
	    const node = tagObj?.createNode
	        ? tagObj.createNode(ctx.schema, value, ctx)
	        : typeof tagObj?.nodeClass?.from === 'function'
	            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
	            : new Scalar.Scalar(value);
	    if (tagName)
	        node.tag = tagName;
	    else if (!tagObj.default)
	        node.tag = tagObj.tag;
	    if (ref)
	        ref.node = node;
	    return node;
	}

	createNode.createNode = createNode$1;
	return createNode;
}

var hasRequiredCollection;

function requireCollection () {
	if (hasRequiredCollection) return Collection;
	hasRequiredCollection = 1;

	var createNode = requireCreateNode();
	var identity = requireIdentity();
	var Node = requireNode();

	function collectionFromPath(schema, path, value) {
	    let v = value;
	    for (let i = path.length - 1; i >= 0; --i) {
	        const k = path[i];
	        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
	            const a = [];
	            a[k] = v;
	            v = a;
	        }
	        else {
	            v = new Map([[k, v]]);
	        }
	    }
	    return createNode.createNode(v, undefined, {
	        aliasDuplicateObjects: false,
	        keepUndefined: false,
	        onAnchor: () => {
	            throw new Error('This should not happen, please report a bug.');
	        },
	        schema,
	        sourceObjects: new Map()
	    });
	}
	// Type guard is intentionally a little wrong so as to be more useful,
	// as it does not cover untypable empty non-string iterables (e.g. []).
	const isEmptyPath = (path) => path == null ||
	    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
	let Collection$1 = class Collection extends Node.NodeBase {
	    constructor(type, schema) {
	        super(type);
	        Object.defineProperty(this, 'schema', {
	            value: schema,
	            configurable: true,
	            enumerable: false,
	            writable: true
	        });
	    }
	    /**
	     * Create a copy of this collection.
	     *
	     * @param schema - If defined, overwrites the original's schema
	     */
	    clone(schema) {
	        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
	        if (schema)
	            copy.schema = schema;
	        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /**
	     * Adds a value to the collection. For `!!map` and `!!omap` the value must
	     * be a Pair instance or a `{ key, value }` object, which may not have a key
	     * that already exists in the map.
	     */
	    addIn(path, value) {
	        if (isEmptyPath(path))
	            this.add(value);
	        else {
	            const [key, ...rest] = path;
	            const node = this.get(key, true);
	            if (identity.isCollection(node))
	                node.addIn(rest, value);
	            else if (node === undefined && this.schema)
	                this.set(key, collectionFromPath(this.schema, rest, value));
	            else
	                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	        }
	    }
	    /**
	     * Removes a value from the collection.
	     * @returns `true` if the item was found and removed.
	     */
	    deleteIn(path) {
	        const [key, ...rest] = path;
	        if (rest.length === 0)
	            return this.delete(key);
	        const node = this.get(key, true);
	        if (identity.isCollection(node))
	            return node.deleteIn(rest);
	        else
	            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	    }
	    /**
	     * Returns item at `key`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    getIn(path, keepScalar) {
	        const [key, ...rest] = path;
	        const node = this.get(key, true);
	        if (rest.length === 0)
	            return !keepScalar && identity.isScalar(node) ? node.value : node;
	        else
	            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
	    }
	    hasAllNullValues(allowScalar) {
	        return this.items.every(node => {
	            if (!identity.isPair(node))
	                return false;
	            const n = node.value;
	            return (n == null ||
	                (allowScalar &&
	                    identity.isScalar(n) &&
	                    n.value == null &&
	                    !n.commentBefore &&
	                    !n.comment &&
	                    !n.tag));
	        });
	    }
	    /**
	     * Checks if the collection includes a value with the key `key`.
	     */
	    hasIn(path) {
	        const [key, ...rest] = path;
	        if (rest.length === 0)
	            return this.has(key);
	        const node = this.get(key, true);
	        return identity.isCollection(node) ? node.hasIn(rest) : false;
	    }
	    /**
	     * Sets a value in this collection. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    setIn(path, value) {
	        const [key, ...rest] = path;
	        if (rest.length === 0) {
	            this.set(key, value);
	        }
	        else {
	            const node = this.get(key, true);
	            if (identity.isCollection(node))
	                node.setIn(rest, value);
	            else if (node === undefined && this.schema)
	                this.set(key, collectionFromPath(this.schema, rest, value));
	            else
	                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	        }
	    }
	};

	Collection.Collection = Collection$1;
	Collection.collectionFromPath = collectionFromPath;
	Collection.isEmptyPath = isEmptyPath;
	return Collection;
}

var Pair = {};

var stringifyPair = {};

var stringify = {};

var stringifyComment = {};

var hasRequiredStringifyComment;

function requireStringifyComment () {
	if (hasRequiredStringifyComment) return stringifyComment;
	hasRequiredStringifyComment = 1;

	/**
	 * Stringifies a comment.
	 *
	 * Empty comment lines are left empty,
	 * lines consisting of a single space are replaced by `#`,
	 * and all other lines are prefixed with a `#`.
	 */
	const stringifyComment$1 = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
	function indentComment(comment, indent) {
	    if (/^\n+$/.test(comment))
	        return comment.substring(1);
	    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
	}
	const lineComment = (str, indent, comment) => str.endsWith('\n')
	    ? indentComment(comment, indent)
	    : comment.includes('\n')
	        ? '\n' + indentComment(comment, indent)
	        : (str.endsWith(' ') ? '' : ' ') + comment;

	stringifyComment.indentComment = indentComment;
	stringifyComment.lineComment = lineComment;
	stringifyComment.stringifyComment = stringifyComment$1;
	return stringifyComment;
}

var stringifyString = {};

var foldFlowLines = {};

var hasRequiredFoldFlowLines;

function requireFoldFlowLines () {
	if (hasRequiredFoldFlowLines) return foldFlowLines;
	hasRequiredFoldFlowLines = 1;

	const FOLD_FLOW = 'flow';
	const FOLD_BLOCK = 'block';
	const FOLD_QUOTED = 'quoted';
	/**
	 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
	 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
	 * terminated with `\n` and started with `indent`.
	 */
	function foldFlowLines$1(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
	    if (!lineWidth || lineWidth < 0)
	        return text;
	    if (lineWidth < minContentWidth)
	        minContentWidth = 0;
	    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
	    if (text.length <= endStep)
	        return text;
	    const folds = [];
	    const escapedFolds = {};
	    let end = lineWidth - indent.length;
	    if (typeof indentAtStart === 'number') {
	        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
	            folds.push(0);
	        else
	            end = lineWidth - indentAtStart;
	    }
	    let split = undefined;
	    let prev = undefined;
	    let overflow = false;
	    let i = -1;
	    let escStart = -1;
	    let escEnd = -1;
	    if (mode === FOLD_BLOCK) {
	        i = consumeMoreIndentedLines(text, i, indent.length);
	        if (i !== -1)
	            end = i + endStep;
	    }
	    for (let ch; (ch = text[(i += 1)]);) {
	        if (mode === FOLD_QUOTED && ch === '\\') {
	            escStart = i;
	            switch (text[i + 1]) {
	                case 'x':
	                    i += 3;
	                    break;
	                case 'u':
	                    i += 5;
	                    break;
	                case 'U':
	                    i += 9;
	                    break;
	                default:
	                    i += 1;
	            }
	            escEnd = i;
	        }
	        if (ch === '\n') {
	            if (mode === FOLD_BLOCK)
	                i = consumeMoreIndentedLines(text, i, indent.length);
	            end = i + indent.length + endStep;
	            split = undefined;
	        }
	        else {
	            if (ch === ' ' &&
	                prev &&
	                prev !== ' ' &&
	                prev !== '\n' &&
	                prev !== '\t') {
	                // space surrounded by non-space can be replaced with newline + indent
	                const next = text[i + 1];
	                if (next && next !== ' ' && next !== '\n' && next !== '\t')
	                    split = i;
	            }
	            if (i >= end) {
	                if (split) {
	                    folds.push(split);
	                    end = split + endStep;
	                    split = undefined;
	                }
	                else if (mode === FOLD_QUOTED) {
	                    // white-space collected at end may stretch past lineWidth
	                    while (prev === ' ' || prev === '\t') {
	                        prev = ch;
	                        ch = text[(i += 1)];
	                        overflow = true;
	                    }
	                    // Account for newline escape, but don't break preceding escape
	                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
	                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
	                    if (escapedFolds[j])
	                        return text;
	                    folds.push(j);
	                    escapedFolds[j] = true;
	                    end = j + endStep;
	                    split = undefined;
	                }
	                else {
	                    overflow = true;
	                }
	            }
	        }
	        prev = ch;
	    }
	    if (overflow && onOverflow)
	        onOverflow();
	    if (folds.length === 0)
	        return text;
	    if (onFold)
	        onFold();
	    let res = text.slice(0, folds[0]);
	    for (let i = 0; i < folds.length; ++i) {
	        const fold = folds[i];
	        const end = folds[i + 1] || text.length;
	        if (fold === 0)
	            res = `\n${indent}${text.slice(0, end)}`;
	        else {
	            if (mode === FOLD_QUOTED && escapedFolds[fold])
	                res += `${text[fold]}\\`;
	            res += `\n${indent}${text.slice(fold + 1, end)}`;
	        }
	    }
	    return res;
	}
	/**
	 * Presumes `i + 1` is at the start of a line
	 * @returns index of last newline in more-indented block
	 */
	function consumeMoreIndentedLines(text, i, indent) {
	    let end = i;
	    let start = i + 1;
	    let ch = text[start];
	    while (ch === ' ' || ch === '\t') {
	        if (i < start + indent) {
	            ch = text[++i];
	        }
	        else {
	            do {
	                ch = text[++i];
	            } while (ch && ch !== '\n');
	            end = i;
	            start = i + 1;
	            ch = text[start];
	        }
	    }
	    return end;
	}

	foldFlowLines.FOLD_BLOCK = FOLD_BLOCK;
	foldFlowLines.FOLD_FLOW = FOLD_FLOW;
	foldFlowLines.FOLD_QUOTED = FOLD_QUOTED;
	foldFlowLines.foldFlowLines = foldFlowLines$1;
	return foldFlowLines;
}

var hasRequiredStringifyString;

function requireStringifyString () {
	if (hasRequiredStringifyString) return stringifyString;
	hasRequiredStringifyString = 1;

	var Scalar = requireScalar();
	var foldFlowLines = requireFoldFlowLines();

	const getFoldOptions = (ctx, isBlock) => ({
	    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
	    lineWidth: ctx.options.lineWidth,
	    minContentWidth: ctx.options.minContentWidth
	});
	// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
	// presume that's starting a new document.
	const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
	function lineLengthOverLimit(str, lineWidth, indentLength) {
	    if (!lineWidth || lineWidth < 0)
	        return false;
	    const limit = lineWidth - indentLength;
	    const strLen = str.length;
	    if (strLen <= limit)
	        return false;
	    for (let i = 0, start = 0; i < strLen; ++i) {
	        if (str[i] === '\n') {
	            if (i - start > limit)
	                return true;
	            start = i + 1;
	            if (strLen - start <= limit)
	                return false;
	        }
	    }
	    return true;
	}
	function doubleQuotedString(value, ctx) {
	    const json = JSON.stringify(value);
	    if (ctx.options.doubleQuotedAsJSON)
	        return json;
	    const { implicitKey } = ctx;
	    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
	    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
	    let str = '';
	    let start = 0;
	    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
	        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
	            // space before newline needs to be escaped to not be folded
	            str += json.slice(start, i) + '\\ ';
	            i += 1;
	            start = i;
	            ch = '\\';
	        }
	        if (ch === '\\')
	            switch (json[i + 1]) {
	                case 'u':
	                    {
	                        str += json.slice(start, i);
	                        const code = json.substr(i + 2, 4);
	                        switch (code) {
	                            case '0000':
	                                str += '\\0';
	                                break;
	                            case '0007':
	                                str += '\\a';
	                                break;
	                            case '000b':
	                                str += '\\v';
	                                break;
	                            case '001b':
	                                str += '\\e';
	                                break;
	                            case '0085':
	                                str += '\\N';
	                                break;
	                            case '00a0':
	                                str += '\\_';
	                                break;
	                            case '2028':
	                                str += '\\L';
	                                break;
	                            case '2029':
	                                str += '\\P';
	                                break;
	                            default:
	                                if (code.substr(0, 2) === '00')
	                                    str += '\\x' + code.substr(2);
	                                else
	                                    str += json.substr(i, 6);
	                        }
	                        i += 5;
	                        start = i + 1;
	                    }
	                    break;
	                case 'n':
	                    if (implicitKey ||
	                        json[i + 2] === '"' ||
	                        json.length < minMultiLineLength) {
	                        i += 1;
	                    }
	                    else {
	                        // folding will eat first newline
	                        str += json.slice(start, i) + '\n\n';
	                        while (json[i + 2] === '\\' &&
	                            json[i + 3] === 'n' &&
	                            json[i + 4] !== '"') {
	                            str += '\n';
	                            i += 2;
	                        }
	                        str += indent;
	                        // space after newline needs to be escaped to not be folded
	                        if (json[i + 2] === ' ')
	                            str += '\\';
	                        i += 1;
	                        start = i + 1;
	                    }
	                    break;
	                default:
	                    i += 1;
	            }
	    }
	    str = start ? str + json.slice(start) : json;
	    return implicitKey
	        ? str
	        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
	}
	function singleQuotedString(value, ctx) {
	    if (ctx.options.singleQuote === false ||
	        (ctx.implicitKey && value.includes('\n')) ||
	        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
	    )
	        return doubleQuotedString(value, ctx);
	    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
	    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
	    return ctx.implicitKey
	        ? res
	        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function quotedString(value, ctx) {
	    const { singleQuote } = ctx.options;
	    let qs;
	    if (singleQuote === false)
	        qs = doubleQuotedString;
	    else {
	        const hasDouble = value.includes('"');
	        const hasSingle = value.includes("'");
	        if (hasDouble && !hasSingle)
	            qs = singleQuotedString;
	        else if (hasSingle && !hasDouble)
	            qs = doubleQuotedString;
	        else
	            qs = singleQuote ? singleQuotedString : doubleQuotedString;
	    }
	    return qs(value, ctx);
	}
	// The negative lookbehind avoids a polynomial search,
	// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
	let blockEndNewlines;
	try {
	    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
	}
	catch {
	    blockEndNewlines = /\n+(?!\n|$)/g;
	}
	function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
	    const { blockQuote, commentString, lineWidth } = ctx.options;
	    // 1. Block can't end in whitespace unless the last line is non-empty.
	    // 2. Strings consisting of only whitespace are best rendered explicitly.
	    if (!blockQuote || /\n[\t ]+$/.test(value)) {
	        return quotedString(value, ctx);
	    }
	    const indent = ctx.indent ||
	        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
	    const literal = blockQuote === 'literal'
	        ? true
	        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
	            ? false
	            : type === Scalar.Scalar.BLOCK_LITERAL
	                ? true
	                : !lineLengthOverLimit(value, lineWidth, indent.length);
	    if (!value)
	        return literal ? '|\n' : '>\n';
	    // determine chomping from whitespace at value end
	    let chomp;
	    let endStart;
	    for (endStart = value.length; endStart > 0; --endStart) {
	        const ch = value[endStart - 1];
	        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
	            break;
	    }
	    let end = value.substring(endStart);
	    const endNlPos = end.indexOf('\n');
	    if (endNlPos === -1) {
	        chomp = '-'; // strip
	    }
	    else if (value === end || endNlPos !== end.length - 1) {
	        chomp = '+'; // keep
	        if (onChompKeep)
	            onChompKeep();
	    }
	    else {
	        chomp = ''; // clip
	    }
	    if (end) {
	        value = value.slice(0, -end.length);
	        if (end[end.length - 1] === '\n')
	            end = end.slice(0, -1);
	        end = end.replace(blockEndNewlines, `$&${indent}`);
	    }
	    // determine indent indicator from whitespace at value start
	    let startWithSpace = false;
	    let startEnd;
	    let startNlPos = -1;
	    for (startEnd = 0; startEnd < value.length; ++startEnd) {
	        const ch = value[startEnd];
	        if (ch === ' ')
	            startWithSpace = true;
	        else if (ch === '\n')
	            startNlPos = startEnd;
	        else
	            break;
	    }
	    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
	    if (start) {
	        value = value.substring(start.length);
	        start = start.replace(/\n+/g, `$&${indent}`);
	    }
	    const indentSize = indent ? '2' : '1'; // root is at -1
	    // Leading | or > is added later
	    let header = (startWithSpace ? indentSize : '') + chomp;
	    if (comment) {
	        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
	        if (onComment)
	            onComment();
	    }
	    if (!literal) {
	        const foldedValue = value
	            .replace(/\n+/g, '\n$&')
	            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
	            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
	            .replace(/\n+/g, `$&${indent}`);
	        let literalFallback = false;
	        const foldOptions = getFoldOptions(ctx, true);
	        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
	            foldOptions.onOverflow = () => {
	                literalFallback = true;
	            };
	        }
	        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
	        if (!literalFallback)
	            return `>${header}\n${indent}${body}`;
	    }
	    value = value.replace(/\n+/g, `$&${indent}`);
	    return `|${header}\n${indent}${start}${value}${end}`;
	}
	function plainString(item, ctx, onComment, onChompKeep) {
	    const { type, value } = item;
	    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
	    if ((implicitKey && value.includes('\n')) ||
	        (inFlow && /[[\]{},]/.test(value))) {
	        return quotedString(value, ctx);
	    }
	    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
	        // not allowed:
	        // - '-' or '?'
	        // - start with an indicator character (except [?:-]) or /[?-] /
	        // - '\n ', ': ' or ' \n' anywhere
	        // - '#' not preceded by a non-space char
	        // - end with ' ' or ':'
	        return implicitKey || inFlow || !value.includes('\n')
	            ? quotedString(value, ctx)
	            : blockString(item, ctx, onComment, onChompKeep);
	    }
	    if (!implicitKey &&
	        !inFlow &&
	        type !== Scalar.Scalar.PLAIN &&
	        value.includes('\n')) {
	        // Where allowed & type not set explicitly, prefer block style for multiline strings
	        return blockString(item, ctx, onComment, onChompKeep);
	    }
	    if (containsDocumentMarker(value)) {
	        if (indent === '') {
	            ctx.forceBlockIndent = true;
	            return blockString(item, ctx, onComment, onChompKeep);
	        }
	        else if (implicitKey && indent === indentStep) {
	            return quotedString(value, ctx);
	        }
	    }
	    const str = value.replace(/\n+/g, `$&\n${indent}`);
	    // Verify that output will be parsed as a string, as e.g. plain numbers and
	    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
	    // and others in v1.1.
	    if (actualString) {
	        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
	        const { compat, tags } = ctx.doc.schema;
	        if (tags.some(test) || compat?.some(test))
	            return quotedString(value, ctx);
	    }
	    return implicitKey
	        ? str
	        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function stringifyString$1(item, ctx, onComment, onChompKeep) {
	    const { implicitKey, inFlow } = ctx;
	    const ss = typeof item.value === 'string'
	        ? item
	        : Object.assign({}, item, { value: String(item.value) });
	    let { type } = item;
	    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
	        // force double quotes on control characters & unpaired surrogates
	        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
	            type = Scalar.Scalar.QUOTE_DOUBLE;
	    }
	    const _stringify = (_type) => {
	        switch (_type) {
	            case Scalar.Scalar.BLOCK_FOLDED:
	            case Scalar.Scalar.BLOCK_LITERAL:
	                return implicitKey || inFlow
	                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
	                    : blockString(ss, ctx, onComment, onChompKeep);
	            case Scalar.Scalar.QUOTE_DOUBLE:
	                return doubleQuotedString(ss.value, ctx);
	            case Scalar.Scalar.QUOTE_SINGLE:
	                return singleQuotedString(ss.value, ctx);
	            case Scalar.Scalar.PLAIN:
	                return plainString(ss, ctx, onComment, onChompKeep);
	            default:
	                return null;
	        }
	    };
	    let res = _stringify(type);
	    if (res === null) {
	        const { defaultKeyType, defaultStringType } = ctx.options;
	        const t = (implicitKey && defaultKeyType) || defaultStringType;
	        res = _stringify(t);
	        if (res === null)
	            throw new Error(`Unsupported default string type ${t}`);
	    }
	    return res;
	}

	stringifyString.stringifyString = stringifyString$1;
	return stringifyString;
}

var hasRequiredStringify;

function requireStringify () {
	if (hasRequiredStringify) return stringify;
	hasRequiredStringify = 1;

	var anchors = requireAnchors();
	var identity = requireIdentity();
	var stringifyComment = requireStringifyComment();
	var stringifyString = requireStringifyString();

	function createStringifyContext(doc, options) {
	    const opt = Object.assign({
	        blockQuote: true,
	        commentString: stringifyComment.stringifyComment,
	        defaultKeyType: null,
	        defaultStringType: 'PLAIN',
	        directives: null,
	        doubleQuotedAsJSON: false,
	        doubleQuotedMinMultiLineLength: 40,
	        falseStr: 'false',
	        flowCollectionPadding: true,
	        indentSeq: true,
	        lineWidth: 80,
	        minContentWidth: 20,
	        nullStr: 'null',
	        simpleKeys: false,
	        singleQuote: null,
	        trailingComma: false,
	        trueStr: 'true',
	        verifyAliasOrder: true
	    }, doc.schema.toStringOptions, options);
	    let inFlow;
	    switch (opt.collectionStyle) {
	        case 'block':
	            inFlow = false;
	            break;
	        case 'flow':
	            inFlow = true;
	            break;
	        default:
	            inFlow = null;
	    }
	    return {
	        anchors: new Set(),
	        doc,
	        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
	        indent: '',
	        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
	        inFlow,
	        options: opt
	    };
	}
	function getTagObject(tags, item) {
	    if (item.tag) {
	        const match = tags.filter(t => t.tag === item.tag);
	        if (match.length > 0)
	            return match.find(t => t.format === item.format) ?? match[0];
	    }
	    let tagObj = undefined;
	    let obj;
	    if (identity.isScalar(item)) {
	        obj = item.value;
	        let match = tags.filter(t => t.identify?.(obj));
	        if (match.length > 1) {
	            const testMatch = match.filter(t => t.test);
	            if (testMatch.length > 0)
	                match = testMatch;
	        }
	        tagObj =
	            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
	    }
	    else {
	        obj = item;
	        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
	    }
	    if (!tagObj) {
	        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
	        throw new Error(`Tag not resolved for ${name} value`);
	    }
	    return tagObj;
	}
	// needs to be called before value stringifier to allow for circular anchor refs
	function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
	    if (!doc.directives)
	        return '';
	    const props = [];
	    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
	    if (anchor && anchors.anchorIsValid(anchor)) {
	        anchors$1.add(anchor);
	        props.push(`&${anchor}`);
	    }
	    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
	    if (tag)
	        props.push(doc.directives.tagString(tag));
	    return props.join(' ');
	}
	function stringify$1(item, ctx, onComment, onChompKeep) {
	    if (identity.isPair(item))
	        return item.toString(ctx, onComment, onChompKeep);
	    if (identity.isAlias(item)) {
	        if (ctx.doc.directives)
	            return item.toString(ctx);
	        if (ctx.resolvedAliases?.has(item)) {
	            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
	        }
	        else {
	            if (ctx.resolvedAliases)
	                ctx.resolvedAliases.add(item);
	            else
	                ctx.resolvedAliases = new Set([item]);
	            item = item.resolve(ctx.doc);
	        }
	    }
	    let tagObj = undefined;
	    const node = identity.isNode(item)
	        ? item
	        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
	    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
	    const props = stringifyProps(node, tagObj, ctx);
	    if (props.length > 0)
	        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
	    const str = typeof tagObj.stringify === 'function'
	        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
	        : identity.isScalar(node)
	            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
	            : node.toString(ctx, onComment, onChompKeep);
	    if (!props)
	        return str;
	    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
	        ? `${props} ${str}`
	        : `${props}\n${ctx.indent}${str}`;
	}

	stringify.createStringifyContext = createStringifyContext;
	stringify.stringify = stringify$1;
	return stringify;
}

var hasRequiredStringifyPair;

function requireStringifyPair () {
	if (hasRequiredStringifyPair) return stringifyPair;
	hasRequiredStringifyPair = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyPair$1({ key, value }, ctx, onComment, onChompKeep) {
	    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
	    let keyComment = (identity.isNode(key) && key.comment) || null;
	    if (simpleKeys) {
	        if (keyComment) {
	            throw new Error('With simple keys, key nodes cannot have comments');
	        }
	        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
	            const msg = 'With simple keys, collection cannot be used as a key value';
	            throw new Error(msg);
	        }
	    }
	    let explicitKey = !simpleKeys &&
	        (!key ||
	            (keyComment && value == null && !ctx.inFlow) ||
	            identity.isCollection(key) ||
	            (identity.isScalar(key)
	                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
	                : typeof key === 'object'));
	    ctx = Object.assign({}, ctx, {
	        allNullValues: false,
	        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
	        indent: indent + indentStep
	    });
	    let keyCommentDone = false;
	    let chompKeep = false;
	    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
	    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
	        if (simpleKeys)
	            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
	        explicitKey = true;
	    }
	    if (ctx.inFlow) {
	        if (allNullValues || value == null) {
	            if (keyCommentDone && onComment)
	                onComment();
	            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
	        }
	    }
	    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
	        str = `? ${str}`;
	        if (keyComment && !keyCommentDone) {
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	        }
	        else if (chompKeep && onChompKeep)
	            onChompKeep();
	        return str;
	    }
	    if (keyCommentDone)
	        keyComment = null;
	    if (explicitKey) {
	        if (keyComment)
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	        str = `? ${str}\n${indent}:`;
	    }
	    else {
	        str = `${str}:`;
	        if (keyComment)
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	    }
	    let vsb, vcb, valueComment;
	    if (identity.isNode(value)) {
	        vsb = !!value.spaceBefore;
	        vcb = value.commentBefore;
	        valueComment = value.comment;
	    }
	    else {
	        vsb = false;
	        vcb = null;
	        valueComment = null;
	        if (value && typeof value === 'object')
	            value = doc.createNode(value);
	    }
	    ctx.implicitKey = false;
	    if (!explicitKey && !keyComment && identity.isScalar(value))
	        ctx.indentAtStart = str.length + 1;
	    chompKeep = false;
	    if (!indentSeq &&
	        indentStep.length >= 2 &&
	        !ctx.inFlow &&
	        !explicitKey &&
	        identity.isSeq(value) &&
	        !value.flow &&
	        !value.tag &&
	        !value.anchor) {
	        // If indentSeq === false, consider '- ' as part of indentation where possible
	        ctx.indent = ctx.indent.substring(2);
	    }
	    let valueCommentDone = false;
	    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
	    let ws = ' ';
	    if (keyComment || vsb || vcb) {
	        ws = vsb ? '\n' : '';
	        if (vcb) {
	            const cs = commentString(vcb);
	            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
	        }
	        if (valueStr === '' && !ctx.inFlow) {
	            if (ws === '\n' && valueComment)
	                ws = '\n\n';
	        }
	        else {
	            ws += `\n${ctx.indent}`;
	        }
	    }
	    else if (!explicitKey && identity.isCollection(value)) {
	        const vs0 = valueStr[0];
	        const nl0 = valueStr.indexOf('\n');
	        const hasNewline = nl0 !== -1;
	        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
	        if (hasNewline || !flow) {
	            let hasPropsLine = false;
	            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
	                let sp0 = valueStr.indexOf(' ');
	                if (vs0 === '&' &&
	                    sp0 !== -1 &&
	                    sp0 < nl0 &&
	                    valueStr[sp0 + 1] === '!') {
	                    sp0 = valueStr.indexOf(' ', sp0 + 1);
	                }
	                if (sp0 === -1 || nl0 < sp0)
	                    hasPropsLine = true;
	            }
	            if (!hasPropsLine)
	                ws = `\n${ctx.indent}`;
	        }
	    }
	    else if (valueStr === '' || valueStr[0] === '\n') {
	        ws = '';
	    }
	    str += ws + valueStr;
	    if (ctx.inFlow) {
	        if (valueCommentDone && onComment)
	            onComment();
	    }
	    else if (valueComment && !valueCommentDone) {
	        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
	    }
	    else if (chompKeep && onChompKeep) {
	        onChompKeep();
	    }
	    return str;
	}

	stringifyPair.stringifyPair = stringifyPair$1;
	return stringifyPair;
}

var addPairToJSMap = {};

var log = {};

var hasRequiredLog;

function requireLog () {
	if (hasRequiredLog) return log;
	hasRequiredLog = 1;

	var node_process = require$$0;

	function debug(logLevel, ...messages) {
	    if (logLevel === 'debug')
	        console.log(...messages);
	}
	function warn(logLevel, warning) {
	    if (logLevel === 'debug' || logLevel === 'warn') {
	        if (typeof node_process.emitWarning === 'function')
	            node_process.emitWarning(warning);
	        else
	            console.warn(warning);
	    }
	}

	log.debug = debug;
	log.warn = warn;
	return log;
}

var merge$1 = {};

var hasRequiredMerge;

function requireMerge () {
	if (hasRequiredMerge) return merge$1;
	hasRequiredMerge = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();

	// If the value associated with a merge key is a single mapping node, each of
	// its key/value pairs is inserted into the current mapping, unless the key
	// already exists in it. If the value associated with the merge key is a
	// sequence, then this sequence is expected to contain mapping nodes and each
	// of these nodes is merged in turn according to its order in the sequence.
	// Keys in mapping nodes earlier in the sequence override keys specified in
	// later mapping nodes. -- http://yaml.org/type/merge.html
	const MERGE_KEY = '<<';
	const merge = {
	    identify: value => value === MERGE_KEY ||
	        (typeof value === 'symbol' && value.description === MERGE_KEY),
	    default: 'key',
	    tag: 'tag:yaml.org,2002:merge',
	    test: /^<<$/,
	    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
	        addToJSMap: addMergeToJSMap
	    }),
	    stringify: () => MERGE_KEY
	};
	const isMergeKey = (ctx, key) => (merge.identify(key) ||
	    (identity.isScalar(key) &&
	        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
	        merge.identify(key.value))) &&
	    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
	function addMergeToJSMap(ctx, map, value) {
	    const source = resolveAliasValue(ctx, value);
	    if (identity.isSeq(source))
	        for (const it of source.items)
	            mergeValue(ctx, map, it);
	    else if (Array.isArray(source))
	        for (const it of source)
	            mergeValue(ctx, map, it);
	    else
	        mergeValue(ctx, map, source);
	}
	function mergeValue(ctx, map, value) {
	    const source = resolveAliasValue(ctx, value);
	    if (!identity.isMap(source))
	        throw new Error('Merge sources must be maps or map aliases');
	    const srcMap = source.toJSON(null, ctx, Map);
	    for (const [key, value] of srcMap) {
	        if (map instanceof Map) {
	            if (!map.has(key))
	                map.set(key, value);
	        }
	        else if (map instanceof Set) {
	            map.add(key);
	        }
	        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
	            Object.defineProperty(map, key, {
	                value,
	                writable: true,
	                enumerable: true,
	                configurable: true
	            });
	        }
	    }
	    return map;
	}
	function resolveAliasValue(ctx, value) {
	    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
	}

	merge$1.addMergeToJSMap = addMergeToJSMap;
	merge$1.isMergeKey = isMergeKey;
	merge$1.merge = merge;
	return merge$1;
}

var hasRequiredAddPairToJSMap;

function requireAddPairToJSMap () {
	if (hasRequiredAddPairToJSMap) return addPairToJSMap;
	hasRequiredAddPairToJSMap = 1;

	var log = requireLog();
	var merge = requireMerge();
	var stringify = requireStringify();
	var identity = requireIdentity();
	var toJS = requireToJS();

	function addPairToJSMap$1(ctx, map, { key, value }) {
	    if (identity.isNode(key) && key.addToJSMap)
	        key.addToJSMap(ctx, map, value);
	    // TODO: Should drop this special case for bare << handling
	    else if (merge.isMergeKey(ctx, key))
	        merge.addMergeToJSMap(ctx, map, value);
	    else {
	        const jsKey = toJS.toJS(key, '', ctx);
	        if (map instanceof Map) {
	            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
	        }
	        else if (map instanceof Set) {
	            map.add(jsKey);
	        }
	        else {
	            const stringKey = stringifyKey(key, jsKey, ctx);
	            const jsValue = toJS.toJS(value, stringKey, ctx);
	            if (stringKey in map)
	                Object.defineProperty(map, stringKey, {
	                    value: jsValue,
	                    writable: true,
	                    enumerable: true,
	                    configurable: true
	                });
	            else
	                map[stringKey] = jsValue;
	        }
	    }
	    return map;
	}
	function stringifyKey(key, jsKey, ctx) {
	    if (jsKey === null)
	        return '';
	    // eslint-disable-next-line @typescript-eslint/no-base-to-string
	    if (typeof jsKey !== 'object')
	        return String(jsKey);
	    if (identity.isNode(key) && ctx?.doc) {
	        const strCtx = stringify.createStringifyContext(ctx.doc, {});
	        strCtx.anchors = new Set();
	        for (const node of ctx.anchors.keys())
	            strCtx.anchors.add(node.anchor);
	        strCtx.inFlow = true;
	        strCtx.inStringifyKey = true;
	        const strKey = key.toString(strCtx);
	        if (!ctx.mapKeyWarned) {
	            let jsonStr = JSON.stringify(strKey);
	            if (jsonStr.length > 40)
	                jsonStr = jsonStr.substring(0, 36) + '..."';
	            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
	            ctx.mapKeyWarned = true;
	        }
	        return strKey;
	    }
	    return JSON.stringify(jsKey);
	}

	addPairToJSMap.addPairToJSMap = addPairToJSMap$1;
	return addPairToJSMap;
}

var hasRequiredPair;

function requirePair () {
	if (hasRequiredPair) return Pair;
	hasRequiredPair = 1;

	var createNode = requireCreateNode();
	var stringifyPair = requireStringifyPair();
	var addPairToJSMap = requireAddPairToJSMap();
	var identity = requireIdentity();

	function createPair(key, value, ctx) {
	    const k = createNode.createNode(key, undefined, ctx);
	    const v = createNode.createNode(value, undefined, ctx);
	    return new Pair$1(k, v);
	}
	let Pair$1 = class Pair {
	    constructor(key, value = null) {
	        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
	        this.key = key;
	        this.value = value;
	    }
	    clone(schema) {
	        let { key, value } = this;
	        if (identity.isNode(key))
	            key = key.clone(schema);
	        if (identity.isNode(value))
	            value = value.clone(schema);
	        return new Pair(key, value);
	    }
	    toJSON(_, ctx) {
	        const pair = ctx?.mapAsMap ? new Map() : {};
	        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
	    }
	    toString(ctx, onComment, onChompKeep) {
	        return ctx?.doc
	            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
	            : JSON.stringify(this);
	    }
	};

	Pair.Pair = Pair$1;
	Pair.createPair = createPair;
	return Pair;
}

var Schema = {};

var map = {};

var YAMLMap = {};

var stringifyCollection = {};

var hasRequiredStringifyCollection;

function requireStringifyCollection () {
	if (hasRequiredStringifyCollection) return stringifyCollection;
	hasRequiredStringifyCollection = 1;

	var identity = requireIdentity();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyCollection$1(collection, ctx, options) {
	    const flow = ctx.inFlow ?? collection.flow;
	    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
	    return stringify(collection, ctx, options);
	}
	function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
	    const { indent, options: { commentString } } = ctx;
	    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
	    let chompKeep = false; // flag for the preceding node's status
	    const lines = [];
	    for (let i = 0; i < items.length; ++i) {
	        const item = items[i];
	        let comment = null;
	        if (identity.isNode(item)) {
	            if (!chompKeep && item.spaceBefore)
	                lines.push('');
	            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
	            if (item.comment)
	                comment = item.comment;
	        }
	        else if (identity.isPair(item)) {
	            const ik = identity.isNode(item.key) ? item.key : null;
	            if (ik) {
	                if (!chompKeep && ik.spaceBefore)
	                    lines.push('');
	                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
	            }
	        }
	        chompKeep = false;
	        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
	        if (comment)
	            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
	        if (chompKeep && comment)
	            chompKeep = false;
	        lines.push(blockItemPrefix + str);
	    }
	    let str;
	    if (lines.length === 0) {
	        str = flowChars.start + flowChars.end;
	    }
	    else {
	        str = lines[0];
	        for (let i = 1; i < lines.length; ++i) {
	            const line = lines[i];
	            str += line ? `\n${indent}${line}` : '\n';
	        }
	    }
	    if (comment) {
	        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
	        if (onComment)
	            onComment();
	    }
	    else if (chompKeep && onChompKeep)
	        onChompKeep();
	    return str;
	}
	function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
	    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
	    itemIndent += indentStep;
	    const itemCtx = Object.assign({}, ctx, {
	        indent: itemIndent,
	        inFlow: true,
	        type: null
	    });
	    let reqNewline = false;
	    let linesAtValue = 0;
	    const lines = [];
	    for (let i = 0; i < items.length; ++i) {
	        const item = items[i];
	        let comment = null;
	        if (identity.isNode(item)) {
	            if (item.spaceBefore)
	                lines.push('');
	            addCommentBefore(ctx, lines, item.commentBefore, false);
	            if (item.comment)
	                comment = item.comment;
	        }
	        else if (identity.isPair(item)) {
	            const ik = identity.isNode(item.key) ? item.key : null;
	            if (ik) {
	                if (ik.spaceBefore)
	                    lines.push('');
	                addCommentBefore(ctx, lines, ik.commentBefore, false);
	                if (ik.comment)
	                    reqNewline = true;
	            }
	            const iv = identity.isNode(item.value) ? item.value : null;
	            if (iv) {
	                if (iv.comment)
	                    comment = iv.comment;
	                if (iv.commentBefore)
	                    reqNewline = true;
	            }
	            else if (item.value == null && ik?.comment) {
	                comment = ik.comment;
	            }
	        }
	        if (comment)
	            reqNewline = true;
	        let str = stringify.stringify(item, itemCtx, () => (comment = null));
	        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
	        if (i < items.length - 1) {
	            str += ',';
	        }
	        else if (ctx.options.trailingComma) {
	            if (ctx.options.lineWidth > 0) {
	                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
	                    (str.length + 2) >
	                    ctx.options.lineWidth);
	            }
	            if (reqNewline) {
	                str += ',';
	            }
	        }
	        if (comment)
	            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
	        lines.push(str);
	        linesAtValue = lines.length;
	    }
	    const { start, end } = flowChars;
	    if (lines.length === 0) {
	        return start + end;
	    }
	    else {
	        if (!reqNewline) {
	            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
	            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
	        }
	        if (reqNewline) {
	            let str = start;
	            for (const line of lines)
	                str += line ? `\n${indentStep}${indent}${line}` : '\n';
	            return `${str}\n${indent}${end}`;
	        }
	        else {
	            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
	        }
	    }
	}
	function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
	    if (comment && chompKeep)
	        comment = comment.replace(/^\n+/, '');
	    if (comment) {
	        const ic = stringifyComment.indentComment(commentString(comment), indent);
	        lines.push(ic.trimStart()); // Avoid double indent on first line
	    }
	}

	stringifyCollection.stringifyCollection = stringifyCollection$1;
	return stringifyCollection;
}

var hasRequiredYAMLMap;

function requireYAMLMap () {
	if (hasRequiredYAMLMap) return YAMLMap;
	hasRequiredYAMLMap = 1;

	var stringifyCollection = requireStringifyCollection();
	var addPairToJSMap = requireAddPairToJSMap();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();

	function findPair(items, key) {
	    const k = identity.isScalar(key) ? key.value : key;
	    for (const it of items) {
	        if (identity.isPair(it)) {
	            if (it.key === key || it.key === k)
	                return it;
	            if (identity.isScalar(it.key) && it.key.value === k)
	                return it;
	        }
	    }
	    return undefined;
	}
	let YAMLMap$1 = class YAMLMap extends Collection.Collection {
	    static get tagName() {
	        return 'tag:yaml.org,2002:map';
	    }
	    constructor(schema) {
	        super(identity.MAP, schema);
	        this.items = [];
	    }
	    /**
	     * A generic collection parsing method that can be extended
	     * to other node classes that inherit from YAMLMap
	     */
	    static from(schema, obj, ctx) {
	        const { keepUndefined, replacer } = ctx;
	        const map = new this(schema);
	        const add = (key, value) => {
	            if (typeof replacer === 'function')
	                value = replacer.call(obj, key, value);
	            else if (Array.isArray(replacer) && !replacer.includes(key))
	                return;
	            if (value !== undefined || keepUndefined)
	                map.items.push(Pair.createPair(key, value, ctx));
	        };
	        if (obj instanceof Map) {
	            for (const [key, value] of obj)
	                add(key, value);
	        }
	        else if (obj && typeof obj === 'object') {
	            for (const key of Object.keys(obj))
	                add(key, obj[key]);
	        }
	        if (typeof schema.sortMapEntries === 'function') {
	            map.items.sort(schema.sortMapEntries);
	        }
	        return map;
	    }
	    /**
	     * Adds a value to the collection.
	     *
	     * @param overwrite - If not set `true`, using a key that is already in the
	     *   collection will throw. Otherwise, overwrites the previous value.
	     */
	    add(pair, overwrite) {
	        let _pair;
	        if (identity.isPair(pair))
	            _pair = pair;
	        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
	            // In TypeScript, this never happens.
	            _pair = new Pair.Pair(pair, pair?.value);
	        }
	        else
	            _pair = new Pair.Pair(pair.key, pair.value);
	        const prev = findPair(this.items, _pair.key);
	        const sortEntries = this.schema?.sortMapEntries;
	        if (prev) {
	            if (!overwrite)
	                throw new Error(`Key ${_pair.key} already set`);
	            // For scalars, keep the old node & its comments and anchors
	            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
	                prev.value.value = _pair.value;
	            else
	                prev.value = _pair.value;
	        }
	        else if (sortEntries) {
	            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
	            if (i === -1)
	                this.items.push(_pair);
	            else
	                this.items.splice(i, 0, _pair);
	        }
	        else {
	            this.items.push(_pair);
	        }
	    }
	    delete(key) {
	        const it = findPair(this.items, key);
	        if (!it)
	            return false;
	        const del = this.items.splice(this.items.indexOf(it), 1);
	        return del.length > 0;
	    }
	    get(key, keepScalar) {
	        const it = findPair(this.items, key);
	        const node = it?.value;
	        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
	    }
	    has(key) {
	        return !!findPair(this.items, key);
	    }
	    set(key, value) {
	        this.add(new Pair.Pair(key, value), true);
	    }
	    /**
	     * @param ctx - Conversion context, originally set in Document#toJS()
	     * @param {Class} Type - If set, forces the returned collection type
	     * @returns Instance of Type, Map, or Object
	     */
	    toJSON(_, ctx, Type) {
	        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
	        if (ctx?.onCreate)
	            ctx.onCreate(map);
	        for (const item of this.items)
	            addPairToJSMap.addPairToJSMap(ctx, map, item);
	        return map;
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        for (const item of this.items) {
	            if (!identity.isPair(item))
	                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
	        }
	        if (!ctx.allNullValues && this.hasAllNullValues(false))
	            ctx = Object.assign({}, ctx, { allNullValues: true });
	        return stringifyCollection.stringifyCollection(this, ctx, {
	            blockItemPrefix: '',
	            flowChars: { start: '{', end: '}' },
	            itemIndent: ctx.indent || '',
	            onChompKeep,
	            onComment
	        });
	    }
	};

	YAMLMap.YAMLMap = YAMLMap$1;
	YAMLMap.findPair = findPair;
	return YAMLMap;
}

var hasRequiredMap;

function requireMap () {
	if (hasRequiredMap) return map;
	hasRequiredMap = 1;

	var identity = requireIdentity();
	var YAMLMap = requireYAMLMap();

	const map$1 = {
	    collection: 'map',
	    default: true,
	    nodeClass: YAMLMap.YAMLMap,
	    tag: 'tag:yaml.org,2002:map',
	    resolve(map, onError) {
	        if (!identity.isMap(map))
	            onError('Expected a mapping for this tag');
	        return map;
	    },
	    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
	};

	map.map = map$1;
	return map;
}

var seq = {};

var YAMLSeq = {};

var hasRequiredYAMLSeq;

function requireYAMLSeq () {
	if (hasRequiredYAMLSeq) return YAMLSeq;
	hasRequiredYAMLSeq = 1;

	var createNode = requireCreateNode();
	var stringifyCollection = requireStringifyCollection();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Scalar = requireScalar();
	var toJS = requireToJS();

	let YAMLSeq$1 = class YAMLSeq extends Collection.Collection {
	    static get tagName() {
	        return 'tag:yaml.org,2002:seq';
	    }
	    constructor(schema) {
	        super(identity.SEQ, schema);
	        this.items = [];
	    }
	    add(value) {
	        this.items.push(value);
	    }
	    /**
	     * Removes a value from the collection.
	     *
	     * `key` must contain a representation of an integer for this to succeed.
	     * It may be wrapped in a `Scalar`.
	     *
	     * @returns `true` if the item was found and removed.
	     */
	    delete(key) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            return false;
	        const del = this.items.splice(idx, 1);
	        return del.length > 0;
	    }
	    get(key, keepScalar) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            return undefined;
	        const it = this.items[idx];
	        return !keepScalar && identity.isScalar(it) ? it.value : it;
	    }
	    /**
	     * Checks if the collection includes a value with the key `key`.
	     *
	     * `key` must contain a representation of an integer for this to succeed.
	     * It may be wrapped in a `Scalar`.
	     */
	    has(key) {
	        const idx = asItemIndex(key);
	        return typeof idx === 'number' && idx < this.items.length;
	    }
	    /**
	     * Sets a value in this collection. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     *
	     * If `key` does not contain a representation of an integer, this will throw.
	     * It may be wrapped in a `Scalar`.
	     */
	    set(key, value) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            throw new Error(`Expected a valid index, not ${key}.`);
	        const prev = this.items[idx];
	        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
	            prev.value = value;
	        else
	            this.items[idx] = value;
	    }
	    toJSON(_, ctx) {
	        const seq = [];
	        if (ctx?.onCreate)
	            ctx.onCreate(seq);
	        let i = 0;
	        for (const item of this.items)
	            seq.push(toJS.toJS(item, String(i++), ctx));
	        return seq;
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        return stringifyCollection.stringifyCollection(this, ctx, {
	            blockItemPrefix: '- ',
	            flowChars: { start: '[', end: ']' },
	            itemIndent: (ctx.indent || '') + '  ',
	            onChompKeep,
	            onComment
	        });
	    }
	    static from(schema, obj, ctx) {
	        const { replacer } = ctx;
	        const seq = new this(schema);
	        if (obj && Symbol.iterator in Object(obj)) {
	            let i = 0;
	            for (let it of obj) {
	                if (typeof replacer === 'function') {
	                    const key = obj instanceof Set ? it : String(i++);
	                    it = replacer.call(obj, key, it);
	                }
	                seq.items.push(createNode.createNode(it, undefined, ctx));
	            }
	        }
	        return seq;
	    }
	};
	function asItemIndex(key) {
	    let idx = identity.isScalar(key) ? key.value : key;
	    if (idx && typeof idx === 'string')
	        idx = Number(idx);
	    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
	        ? idx
	        : null;
	}

	YAMLSeq.YAMLSeq = YAMLSeq$1;
	return YAMLSeq;
}

var hasRequiredSeq;

function requireSeq () {
	if (hasRequiredSeq) return seq;
	hasRequiredSeq = 1;

	var identity = requireIdentity();
	var YAMLSeq = requireYAMLSeq();

	const seq$1 = {
	    collection: 'seq',
	    default: true,
	    nodeClass: YAMLSeq.YAMLSeq,
	    tag: 'tag:yaml.org,2002:seq',
	    resolve(seq, onError) {
	        if (!identity.isSeq(seq))
	            onError('Expected a sequence for this tag');
	        return seq;
	    },
	    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
	};

	seq.seq = seq$1;
	return seq;
}

var string$1 = {};

var hasRequiredString;

function requireString () {
	if (hasRequiredString) return string$1;
	hasRequiredString = 1;

	var stringifyString = requireStringifyString();

	const string = {
	    identify: value => typeof value === 'string',
	    default: true,
	    tag: 'tag:yaml.org,2002:str',
	    resolve: str => str,
	    stringify(item, ctx, onComment, onChompKeep) {
	        ctx = Object.assign({ actualString: true }, ctx);
	        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
	    }
	};

	string$1.string = string;
	return string$1;
}

var tags = {};

var _null = {};

var hasRequired_null;

function require_null () {
	if (hasRequired_null) return _null;
	hasRequired_null = 1;

	var Scalar = requireScalar();

	const nullTag = {
	    identify: value => value == null,
	    createNode: () => new Scalar.Scalar(null),
	    default: true,
	    tag: 'tag:yaml.org,2002:null',
	    test: /^(?:~|[Nn]ull|NULL)?$/,
	    resolve: () => new Scalar.Scalar(null),
	    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
	        ? source
	        : ctx.options.nullStr
	};

	_null.nullTag = nullTag;
	return _null;
}

var bool$1 = {};

var hasRequiredBool$1;

function requireBool$1 () {
	if (hasRequiredBool$1) return bool$1;
	hasRequiredBool$1 = 1;

	var Scalar = requireScalar();

	const boolTag = {
	    identify: value => typeof value === 'boolean',
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
	    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
	    stringify({ source, value }, ctx) {
	        if (source && boolTag.test.test(source)) {
	            const sv = source[0] === 't' || source[0] === 'T';
	            if (value === sv)
	                return source;
	        }
	        return value ? ctx.options.trueStr : ctx.options.falseStr;
	    }
	};

	bool$1.boolTag = boolTag;
	return bool$1;
}

var float$1 = {};

var stringifyNumber = {};

var hasRequiredStringifyNumber;

function requireStringifyNumber () {
	if (hasRequiredStringifyNumber) return stringifyNumber;
	hasRequiredStringifyNumber = 1;

	function stringifyNumber$1({ format, minFractionDigits, tag, value }) {
	    if (typeof value === 'bigint')
	        return String(value);
	    const num = typeof value === 'number' ? value : Number(value);
	    if (!isFinite(num))
	        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
	    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
	    if (!format &&
	        minFractionDigits &&
	        (!tag || tag === 'tag:yaml.org,2002:float') &&
	        /^-?\d/.test(n) &&
	        !n.includes('e')) {
	        let i = n.indexOf('.');
	        if (i < 0) {
	            i = n.length;
	            n += '.';
	        }
	        let d = minFractionDigits - (n.length - i - 1);
	        while (d-- > 0)
	            n += '0';
	    }
	    return n;
	}

	stringifyNumber.stringifyNumber = stringifyNumber$1;
	return stringifyNumber;
}

var hasRequiredFloat$1;

function requireFloat$1 () {
	if (hasRequiredFloat$1) return float$1;
	hasRequiredFloat$1 = 1;

	var Scalar = requireScalar();
	var stringifyNumber = requireStringifyNumber();

	const floatNaN = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	    resolve: str => str.slice(-3).toLowerCase() === 'nan'
	        ? NaN
	        : str[0] === '-'
	            ? Number.NEGATIVE_INFINITY
	            : Number.POSITIVE_INFINITY,
	    stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'EXP',
	    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
	    resolve: str => parseFloat(str),
	    stringify(node) {
	        const num = Number(node.value);
	        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
	    }
	};
	const float = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
	    resolve(str) {
	        const node = new Scalar.Scalar(parseFloat(str));
	        const dot = str.indexOf('.');
	        if (dot !== -1 && str[str.length - 1] === '0')
	            node.minFractionDigits = str.length - dot - 1;
	        return node;
	    },
	    stringify: stringifyNumber.stringifyNumber
	};

	float$1.float = float;
	float$1.floatExp = floatExp;
	float$1.floatNaN = floatNaN;
	return float$1;
}

var int$2 = {};

var hasRequiredInt$1;

function requireInt$1 () {
	if (hasRequiredInt$1) return int$2;
	hasRequiredInt$1 = 1;

	var stringifyNumber = requireStringifyNumber();

	const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
	const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
	function intStringify(node, radix, prefix) {
	    const { value } = node;
	    if (intIdentify(value) && value >= 0)
	        return prefix + value.toString(radix);
	    return stringifyNumber.stringifyNumber(node);
	}
	const intOct = {
	    identify: value => intIdentify(value) && value >= 0,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'OCT',
	    test: /^0o[0-7]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
	    stringify: node => intStringify(node, 8, '0o')
	};
	const int = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    test: /^[-+]?[0-9]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
	    stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
	    identify: value => intIdentify(value) && value >= 0,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'HEX',
	    test: /^0x[0-9a-fA-F]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
	    stringify: node => intStringify(node, 16, '0x')
	};

	int$2.int = int;
	int$2.intHex = intHex;
	int$2.intOct = intOct;
	return int$2;
}

var schema$2 = {};

var hasRequiredSchema$3;

function requireSchema$3 () {
	if (hasRequiredSchema$3) return schema$2;
	hasRequiredSchema$3 = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var bool = requireBool$1();
	var float = requireFloat$1();
	var int = requireInt$1();

	const schema = [
	    map.map,
	    seq.seq,
	    string.string,
	    _null.nullTag,
	    bool.boolTag,
	    int.intOct,
	    int.int,
	    int.intHex,
	    float.floatNaN,
	    float.floatExp,
	    float.float
	];

	schema$2.schema = schema;
	return schema$2;
}

var schema$1 = {};

var hasRequiredSchema$2;

function requireSchema$2 () {
	if (hasRequiredSchema$2) return schema$1;
	hasRequiredSchema$2 = 1;

	var Scalar = requireScalar();
	var map = requireMap();
	var seq = requireSeq();

	function intIdentify(value) {
	    return typeof value === 'bigint' || Number.isInteger(value);
	}
	const stringifyJSON = ({ value }) => JSON.stringify(value);
	const jsonScalars = [
	    {
	        identify: value => typeof value === 'string',
	        default: true,
	        tag: 'tag:yaml.org,2002:str',
	        resolve: str => str,
	        stringify: stringifyJSON
	    },
	    {
	        identify: value => value == null,
	        createNode: () => new Scalar.Scalar(null),
	        default: true,
	        tag: 'tag:yaml.org,2002:null',
	        test: /^null$/,
	        resolve: () => null,
	        stringify: stringifyJSON
	    },
	    {
	        identify: value => typeof value === 'boolean',
	        default: true,
	        tag: 'tag:yaml.org,2002:bool',
	        test: /^true$|^false$/,
	        resolve: str => str === 'true',
	        stringify: stringifyJSON
	    },
	    {
	        identify: intIdentify,
	        default: true,
	        tag: 'tag:yaml.org,2002:int',
	        test: /^-?(?:0|[1-9][0-9]*)$/,
	        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
	        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
	    },
	    {
	        identify: value => typeof value === 'number',
	        default: true,
	        tag: 'tag:yaml.org,2002:float',
	        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
	        resolve: str => parseFloat(str),
	        stringify: stringifyJSON
	    }
	];
	const jsonError = {
	    default: true,
	    tag: '',
	    test: /^/,
	    resolve(str, onError) {
	        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
	        return str;
	    }
	};
	const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

	schema$1.schema = schema;
	return schema$1;
}

var binary = {};

var hasRequiredBinary;

function requireBinary () {
	if (hasRequiredBinary) return binary;
	hasRequiredBinary = 1;

	var node_buffer = require$$0$1;
	var Scalar = requireScalar();
	var stringifyString = requireStringifyString();

	const binary$1 = {
	    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
	    default: false,
	    tag: 'tag:yaml.org,2002:binary',
	    /**
	     * Returns a Buffer in node and an Uint8Array in browsers
	     *
	     * To use the resulting buffer as an image, you'll want to do something like:
	     *
	     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
	     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
	     */
	    resolve(src, onError) {
	        if (typeof node_buffer.Buffer === 'function') {
	            return node_buffer.Buffer.from(src, 'base64');
	        }
	        else if (typeof atob === 'function') {
	            // On IE 11, atob() can't handle newlines
	            const str = atob(src.replace(/[\n\r]/g, ''));
	            const buffer = new Uint8Array(str.length);
	            for (let i = 0; i < str.length; ++i)
	                buffer[i] = str.charCodeAt(i);
	            return buffer;
	        }
	        else {
	            onError('This environment does not support reading binary tags; either Buffer or atob is required');
	            return src;
	        }
	    },
	    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
	        if (!value)
	            return '';
	        const buf = value; // checked earlier by binary.identify()
	        let str;
	        if (typeof node_buffer.Buffer === 'function') {
	            str =
	                buf instanceof node_buffer.Buffer
	                    ? buf.toString('base64')
	                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
	        }
	        else if (typeof btoa === 'function') {
	            let s = '';
	            for (let i = 0; i < buf.length; ++i)
	                s += String.fromCharCode(buf[i]);
	            str = btoa(s);
	        }
	        else {
	            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
	        }
	        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
	        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
	            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
	            const n = Math.ceil(str.length / lineWidth);
	            const lines = new Array(n);
	            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
	                lines[i] = str.substr(o, lineWidth);
	            }
	            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
	        }
	        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
	    }
	};

	binary.binary = binary$1;
	return binary;
}

var omap = {};

var pairs = {};

var hasRequiredPairs;

function requirePairs () {
	if (hasRequiredPairs) return pairs;
	hasRequiredPairs = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();
	var YAMLSeq = requireYAMLSeq();

	function resolvePairs(seq, onError) {
	    if (identity.isSeq(seq)) {
	        for (let i = 0; i < seq.items.length; ++i) {
	            let item = seq.items[i];
	            if (identity.isPair(item))
	                continue;
	            else if (identity.isMap(item)) {
	                if (item.items.length > 1)
	                    onError('Each pair must have its own sequence indicator');
	                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
	                if (item.commentBefore)
	                    pair.key.commentBefore = pair.key.commentBefore
	                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
	                        : item.commentBefore;
	                if (item.comment) {
	                    const cn = pair.value ?? pair.key;
	                    cn.comment = cn.comment
	                        ? `${item.comment}\n${cn.comment}`
	                        : item.comment;
	                }
	                item = pair;
	            }
	            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
	        }
	    }
	    else
	        onError('Expected a sequence for this tag');
	    return seq;
	}
	function createPairs(schema, iterable, ctx) {
	    const { replacer } = ctx;
	    const pairs = new YAMLSeq.YAMLSeq(schema);
	    pairs.tag = 'tag:yaml.org,2002:pairs';
	    let i = 0;
	    if (iterable && Symbol.iterator in Object(iterable))
	        for (let it of iterable) {
	            if (typeof replacer === 'function')
	                it = replacer.call(iterable, String(i++), it);
	            let key, value;
	            if (Array.isArray(it)) {
	                if (it.length === 2) {
	                    key = it[0];
	                    value = it[1];
	                }
	                else
	                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
	            }
	            else if (it && it instanceof Object) {
	                const keys = Object.keys(it);
	                if (keys.length === 1) {
	                    key = keys[0];
	                    value = it[key];
	                }
	                else {
	                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
	                }
	            }
	            else {
	                key = it;
	            }
	            pairs.items.push(Pair.createPair(key, value, ctx));
	        }
	    return pairs;
	}
	const pairs$1 = {
	    collection: 'seq',
	    default: false,
	    tag: 'tag:yaml.org,2002:pairs',
	    resolve: resolvePairs,
	    createNode: createPairs
	};

	pairs.createPairs = createPairs;
	pairs.pairs = pairs$1;
	pairs.resolvePairs = resolvePairs;
	return pairs;
}

var hasRequiredOmap;

function requireOmap () {
	if (hasRequiredOmap) return omap;
	hasRequiredOmap = 1;

	var identity = requireIdentity();
	var toJS = requireToJS();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var pairs = requirePairs();

	class YAMLOMap extends YAMLSeq.YAMLSeq {
	    constructor() {
	        super();
	        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
	        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
	        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
	        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
	        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
	        this.tag = YAMLOMap.tag;
	    }
	    /**
	     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
	     * but TypeScript won't allow widening the signature of a child method.
	     */
	    toJSON(_, ctx) {
	        if (!ctx)
	            return super.toJSON(_);
	        const map = new Map();
	        if (ctx?.onCreate)
	            ctx.onCreate(map);
	        for (const pair of this.items) {
	            let key, value;
	            if (identity.isPair(pair)) {
	                key = toJS.toJS(pair.key, '', ctx);
	                value = toJS.toJS(pair.value, key, ctx);
	            }
	            else {
	                key = toJS.toJS(pair, '', ctx);
	            }
	            if (map.has(key))
	                throw new Error('Ordered maps must not include duplicate keys');
	            map.set(key, value);
	        }
	        return map;
	    }
	    static from(schema, iterable, ctx) {
	        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
	        const omap = new this();
	        omap.items = pairs$1.items;
	        return omap;
	    }
	}
	YAMLOMap.tag = 'tag:yaml.org,2002:omap';
	const omap$1 = {
	    collection: 'seq',
	    identify: value => value instanceof Map,
	    nodeClass: YAMLOMap,
	    default: false,
	    tag: 'tag:yaml.org,2002:omap',
	    resolve(seq, onError) {
	        const pairs$1 = pairs.resolvePairs(seq, onError);
	        const seenKeys = [];
	        for (const { key } of pairs$1.items) {
	            if (identity.isScalar(key)) {
	                if (seenKeys.includes(key.value)) {
	                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
	                }
	                else {
	                    seenKeys.push(key.value);
	                }
	            }
	        }
	        return Object.assign(new YAMLOMap(), pairs$1);
	    },
	    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
	};

	omap.YAMLOMap = YAMLOMap;
	omap.omap = omap$1;
	return omap;
}

var schema = {};

var bool = {};

var hasRequiredBool;

function requireBool () {
	if (hasRequiredBool) return bool;
	hasRequiredBool = 1;

	var Scalar = requireScalar();

	function boolStringify({ value, source }, ctx) {
	    const boolObj = value ? trueTag : falseTag;
	    if (source && boolObj.test.test(source))
	        return source;
	    return value ? ctx.options.trueStr : ctx.options.falseStr;
	}
	const trueTag = {
	    identify: value => value === true,
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
	    resolve: () => new Scalar.Scalar(true),
	    stringify: boolStringify
	};
	const falseTag = {
	    identify: value => value === false,
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
	    resolve: () => new Scalar.Scalar(false),
	    stringify: boolStringify
	};

	bool.falseTag = falseTag;
	bool.trueTag = trueTag;
	return bool;
}

var float = {};

var hasRequiredFloat;

function requireFloat () {
	if (hasRequiredFloat) return float;
	hasRequiredFloat = 1;

	var Scalar = requireScalar();
	var stringifyNumber = requireStringifyNumber();

	const floatNaN = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
	        ? NaN
	        : str[0] === '-'
	            ? Number.NEGATIVE_INFINITY
	            : Number.POSITIVE_INFINITY,
	    stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'EXP',
	    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
	    resolve: (str) => parseFloat(str.replace(/_/g, '')),
	    stringify(node) {
	        const num = Number(node.value);
	        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
	    }
	};
	const float$1 = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
	    resolve(str) {
	        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
	        const dot = str.indexOf('.');
	        if (dot !== -1) {
	            const f = str.substring(dot + 1).replace(/_/g, '');
	            if (f[f.length - 1] === '0')
	                node.minFractionDigits = f.length;
	        }
	        return node;
	    },
	    stringify: stringifyNumber.stringifyNumber
	};

	float.float = float$1;
	float.floatExp = floatExp;
	float.floatNaN = floatNaN;
	return float;
}

var int$1 = {};

var hasRequiredInt;

function requireInt () {
	if (hasRequiredInt) return int$1;
	hasRequiredInt = 1;

	var stringifyNumber = requireStringifyNumber();

	const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
	function intResolve(str, offset, radix, { intAsBigInt }) {
	    const sign = str[0];
	    if (sign === '-' || sign === '+')
	        offset += 1;
	    str = str.substring(offset).replace(/_/g, '');
	    if (intAsBigInt) {
	        switch (radix) {
	            case 2:
	                str = `0b${str}`;
	                break;
	            case 8:
	                str = `0o${str}`;
	                break;
	            case 16:
	                str = `0x${str}`;
	                break;
	        }
	        const n = BigInt(str);
	        return sign === '-' ? BigInt(-1) * n : n;
	    }
	    const n = parseInt(str, radix);
	    return sign === '-' ? -1 * n : n;
	}
	function intStringify(node, radix, prefix) {
	    const { value } = node;
	    if (intIdentify(value)) {
	        const str = value.toString(radix);
	        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
	    }
	    return stringifyNumber.stringifyNumber(node);
	}
	const intBin = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'BIN',
	    test: /^[-+]?0b[0-1_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
	    stringify: node => intStringify(node, 2, '0b')
	};
	const intOct = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'OCT',
	    test: /^[-+]?0[0-7_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
	    stringify: node => intStringify(node, 8, '0')
	};
	const int = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    test: /^[-+]?[0-9][0-9_]*$/,
	    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
	    stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'HEX',
	    test: /^[-+]?0x[0-9a-fA-F_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
	    stringify: node => intStringify(node, 16, '0x')
	};

	int$1.int = int;
	int$1.intBin = intBin;
	int$1.intHex = intHex;
	int$1.intOct = intOct;
	return int$1;
}

var set = {};

var hasRequiredSet;

function requireSet () {
	if (hasRequiredSet) return set;
	hasRequiredSet = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();

	class YAMLSet extends YAMLMap.YAMLMap {
	    constructor(schema) {
	        super(schema);
	        this.tag = YAMLSet.tag;
	    }
	    add(key) {
	        let pair;
	        if (identity.isPair(key))
	            pair = key;
	        else if (key &&
	            typeof key === 'object' &&
	            'key' in key &&
	            'value' in key &&
	            key.value === null)
	            pair = new Pair.Pair(key.key, null);
	        else
	            pair = new Pair.Pair(key, null);
	        const prev = YAMLMap.findPair(this.items, pair.key);
	        if (!prev)
	            this.items.push(pair);
	    }
	    /**
	     * If `keepPair` is `true`, returns the Pair matching `key`.
	     * Otherwise, returns the value of that Pair's key.
	     */
	    get(key, keepPair) {
	        const pair = YAMLMap.findPair(this.items, key);
	        return !keepPair && identity.isPair(pair)
	            ? identity.isScalar(pair.key)
	                ? pair.key.value
	                : pair.key
	            : pair;
	    }
	    set(key, value) {
	        if (typeof value !== 'boolean')
	            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
	        const prev = YAMLMap.findPair(this.items, key);
	        if (prev && !value) {
	            this.items.splice(this.items.indexOf(prev), 1);
	        }
	        else if (!prev && value) {
	            this.items.push(new Pair.Pair(key));
	        }
	    }
	    toJSON(_, ctx) {
	        return super.toJSON(_, ctx, Set);
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        if (this.hasAllNullValues(true))
	            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
	        else
	            throw new Error('Set items must all have null values');
	    }
	    static from(schema, iterable, ctx) {
	        const { replacer } = ctx;
	        const set = new this(schema);
	        if (iterable && Symbol.iterator in Object(iterable))
	            for (let value of iterable) {
	                if (typeof replacer === 'function')
	                    value = replacer.call(iterable, value, value);
	                set.items.push(Pair.createPair(value, null, ctx));
	            }
	        return set;
	    }
	}
	YAMLSet.tag = 'tag:yaml.org,2002:set';
	const set$1 = {
	    collection: 'map',
	    identify: value => value instanceof Set,
	    nodeClass: YAMLSet,
	    default: false,
	    tag: 'tag:yaml.org,2002:set',
	    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
	    resolve(map, onError) {
	        if (identity.isMap(map)) {
	            if (map.hasAllNullValues(true))
	                return Object.assign(new YAMLSet(), map);
	            else
	                onError('Set items must all have null values');
	        }
	        else
	            onError('Expected a mapping for this tag');
	        return map;
	    }
	};

	set.YAMLSet = YAMLSet;
	set.set = set$1;
	return set;
}

var timestamp = {};

var hasRequiredTimestamp;

function requireTimestamp () {
	if (hasRequiredTimestamp) return timestamp;
	hasRequiredTimestamp = 1;

	var stringifyNumber = requireStringifyNumber();

	/** Internal types handle bigint as number, because TS can't figure it out. */
	function parseSexagesimal(str, asBigInt) {
	    const sign = str[0];
	    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
	    const num = (n) => asBigInt ? BigInt(n) : Number(n);
	    const res = parts
	        .replace(/_/g, '')
	        .split(':')
	        .reduce((res, p) => res * num(60) + num(p), num(0));
	    return (sign === '-' ? num(-1) * res : res);
	}
	/**
	 * hhhh:mm:ss.sss
	 *
	 * Internal types handle bigint as number, because TS can't figure it out.
	 */
	function stringifySexagesimal(node) {
	    let { value } = node;
	    let num = (n) => n;
	    if (typeof value === 'bigint')
	        num = n => BigInt(n);
	    else if (isNaN(value) || !isFinite(value))
	        return stringifyNumber.stringifyNumber(node);
	    let sign = '';
	    if (value < 0) {
	        sign = '-';
	        value *= num(-1);
	    }
	    const _60 = num(60);
	    const parts = [value % _60]; // seconds, including ms
	    if (value < 60) {
	        parts.unshift(0); // at least one : is required
	    }
	    else {
	        value = (value - parts[0]) / _60;
	        parts.unshift(value % _60); // minutes
	        if (value >= 60) {
	            value = (value - parts[0]) / _60;
	            parts.unshift(value); // hours
	        }
	    }
	    return (sign +
	        parts
	            .map(n => String(n).padStart(2, '0'))
	            .join(':')
	            .replace(/000000\d*$/, '') // % 60 may introduce error
	    );
	}
	const intTime = {
	    identify: value => typeof value === 'bigint' || Number.isInteger(value),
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'TIME',
	    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
	    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
	    stringify: stringifySexagesimal
	};
	const floatTime = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'TIME',
	    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
	    resolve: str => parseSexagesimal(str, false),
	    stringify: stringifySexagesimal
	};
	const timestamp$1 = {
	    identify: value => value instanceof Date,
	    default: true,
	    tag: 'tag:yaml.org,2002:timestamp',
	    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
	    // may be omitted altogether, resulting in a date format. In such a case, the time part is
	    // assumed to be 00:00:00Z (start of day, UTC).
	    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
	        '(?:' + // time is optional
	        '(?:t|T|[ \\t]+)' + // t | T | whitespace
	        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
	        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
	        ')?$'),
	    resolve(str) {
	        const match = str.match(timestamp$1.test);
	        if (!match)
	            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
	        const [, year, month, day, hour, minute, second] = match.map(Number);
	        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
	        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
	        const tz = match[8];
	        if (tz && tz !== 'Z') {
	            let d = parseSexagesimal(tz, false);
	            if (Math.abs(d) < 30)
	                d *= 60;
	            date -= 60000 * d;
	        }
	        return new Date(date);
	    },
	    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
	};

	timestamp.floatTime = floatTime;
	timestamp.intTime = intTime;
	timestamp.timestamp = timestamp$1;
	return timestamp;
}

var hasRequiredSchema$1;

function requireSchema$1 () {
	if (hasRequiredSchema$1) return schema;
	hasRequiredSchema$1 = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var binary = requireBinary();
	var bool = requireBool();
	var float = requireFloat();
	var int = requireInt();
	var merge = requireMerge();
	var omap = requireOmap();
	var pairs = requirePairs();
	var set = requireSet();
	var timestamp = requireTimestamp();

	const schema$1 = [
	    map.map,
	    seq.seq,
	    string.string,
	    _null.nullTag,
	    bool.trueTag,
	    bool.falseTag,
	    int.intBin,
	    int.intOct,
	    int.int,
	    int.intHex,
	    float.floatNaN,
	    float.floatExp,
	    float.float,
	    binary.binary,
	    merge.merge,
	    omap.omap,
	    pairs.pairs,
	    set.set,
	    timestamp.intTime,
	    timestamp.floatTime,
	    timestamp.timestamp
	];

	schema.schema = schema$1;
	return schema;
}

var hasRequiredTags;

function requireTags () {
	if (hasRequiredTags) return tags;
	hasRequiredTags = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var bool = requireBool$1();
	var float = requireFloat$1();
	var int = requireInt$1();
	var schema = requireSchema$3();
	var schema$1 = requireSchema$2();
	var binary = requireBinary();
	var merge = requireMerge();
	var omap = requireOmap();
	var pairs = requirePairs();
	var schema$2 = requireSchema$1();
	var set = requireSet();
	var timestamp = requireTimestamp();

	const schemas = new Map([
	    ['core', schema.schema],
	    ['failsafe', [map.map, seq.seq, string.string]],
	    ['json', schema$1.schema],
	    ['yaml11', schema$2.schema],
	    ['yaml-1.1', schema$2.schema]
	]);
	const tagsByName = {
	    binary: binary.binary,
	    bool: bool.boolTag,
	    float: float.float,
	    floatExp: float.floatExp,
	    floatNaN: float.floatNaN,
	    floatTime: timestamp.floatTime,
	    int: int.int,
	    intHex: int.intHex,
	    intOct: int.intOct,
	    intTime: timestamp.intTime,
	    map: map.map,
	    merge: merge.merge,
	    null: _null.nullTag,
	    omap: omap.omap,
	    pairs: pairs.pairs,
	    seq: seq.seq,
	    set: set.set,
	    timestamp: timestamp.timestamp
	};
	const coreKnownTags = {
	    'tag:yaml.org,2002:binary': binary.binary,
	    'tag:yaml.org,2002:merge': merge.merge,
	    'tag:yaml.org,2002:omap': omap.omap,
	    'tag:yaml.org,2002:pairs': pairs.pairs,
	    'tag:yaml.org,2002:set': set.set,
	    'tag:yaml.org,2002:timestamp': timestamp.timestamp
	};
	function getTags(customTags, schemaName, addMergeTag) {
	    const schemaTags = schemas.get(schemaName);
	    if (schemaTags && !customTags) {
	        return addMergeTag && !schemaTags.includes(merge.merge)
	            ? schemaTags.concat(merge.merge)
	            : schemaTags.slice();
	    }
	    let tags = schemaTags;
	    if (!tags) {
	        if (Array.isArray(customTags))
	            tags = [];
	        else {
	            const keys = Array.from(schemas.keys())
	                .filter(key => key !== 'yaml11')
	                .map(key => JSON.stringify(key))
	                .join(', ');
	            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
	        }
	    }
	    if (Array.isArray(customTags)) {
	        for (const tag of customTags)
	            tags = tags.concat(tag);
	    }
	    else if (typeof customTags === 'function') {
	        tags = customTags(tags.slice());
	    }
	    if (addMergeTag)
	        tags = tags.concat(merge.merge);
	    return tags.reduce((tags, tag) => {
	        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
	        if (!tagObj) {
	            const tagName = JSON.stringify(tag);
	            const keys = Object.keys(tagsByName)
	                .map(key => JSON.stringify(key))
	                .join(', ');
	            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
	        }
	        if (!tags.includes(tagObj))
	            tags.push(tagObj);
	        return tags;
	    }, []);
	}

	tags.coreKnownTags = coreKnownTags;
	tags.getTags = getTags;
	return tags;
}

var hasRequiredSchema;

function requireSchema () {
	if (hasRequiredSchema) return Schema;
	hasRequiredSchema = 1;

	var identity = requireIdentity();
	var map = requireMap();
	var seq = requireSeq();
	var string = requireString();
	var tags = requireTags();

	const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
	let Schema$1 = class Schema {
	    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
	        this.compat = Array.isArray(compat)
	            ? tags.getTags(compat, 'compat')
	            : compat
	                ? tags.getTags(null, compat)
	                : null;
	        this.name = (typeof schema === 'string' && schema) || 'core';
	        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
	        this.tags = tags.getTags(customTags, this.name, merge);
	        this.toStringOptions = toStringDefaults ?? null;
	        Object.defineProperty(this, identity.MAP, { value: map.map });
	        Object.defineProperty(this, identity.SCALAR, { value: string.string });
	        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
	        // Used by createMap()
	        this.sortMapEntries =
	            typeof sortMapEntries === 'function'
	                ? sortMapEntries
	                : sortMapEntries === true
	                    ? sortMapEntriesByKey
	                    : null;
	    }
	    clone() {
	        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
	        copy.tags = this.tags.slice();
	        return copy;
	    }
	};

	Schema.Schema = Schema$1;
	return Schema;
}

var stringifyDocument = {};

var hasRequiredStringifyDocument;

function requireStringifyDocument () {
	if (hasRequiredStringifyDocument) return stringifyDocument;
	hasRequiredStringifyDocument = 1;

	var identity = requireIdentity();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyDocument$1(doc, options) {
	    const lines = [];
	    let hasDirectives = options.directives === true;
	    if (options.directives !== false && doc.directives) {
	        const dir = doc.directives.toString(doc);
	        if (dir) {
	            lines.push(dir);
	            hasDirectives = true;
	        }
	        else if (doc.directives.docStart)
	            hasDirectives = true;
	    }
	    if (hasDirectives)
	        lines.push('---');
	    const ctx = stringify.createStringifyContext(doc, options);
	    const { commentString } = ctx.options;
	    if (doc.commentBefore) {
	        if (lines.length !== 1)
	            lines.unshift('');
	        const cs = commentString(doc.commentBefore);
	        lines.unshift(stringifyComment.indentComment(cs, ''));
	    }
	    let chompKeep = false;
	    let contentComment = null;
	    if (doc.contents) {
	        if (identity.isNode(doc.contents)) {
	            if (doc.contents.spaceBefore && hasDirectives)
	                lines.push('');
	            if (doc.contents.commentBefore) {
	                const cs = commentString(doc.contents.commentBefore);
	                lines.push(stringifyComment.indentComment(cs, ''));
	            }
	            // top-level block scalars need to be indented if followed by a comment
	            ctx.forceBlockIndent = !!doc.comment;
	            contentComment = doc.contents.comment;
	        }
	        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
	        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
	        if (contentComment)
	            body += stringifyComment.lineComment(body, '', commentString(contentComment));
	        if ((body[0] === '|' || body[0] === '>') &&
	            lines[lines.length - 1] === '---') {
	            // Top-level block scalars with a preceding doc marker ought to use the
	            // same line for their header.
	            lines[lines.length - 1] = `--- ${body}`;
	        }
	        else
	            lines.push(body);
	    }
	    else {
	        lines.push(stringify.stringify(doc.contents, ctx));
	    }
	    if (doc.directives?.docEnd) {
	        if (doc.comment) {
	            const cs = commentString(doc.comment);
	            if (cs.includes('\n')) {
	                lines.push('...');
	                lines.push(stringifyComment.indentComment(cs, ''));
	            }
	            else {
	                lines.push(`... ${cs}`);
	            }
	        }
	        else {
	            lines.push('...');
	        }
	    }
	    else {
	        let dc = doc.comment;
	        if (dc && chompKeep)
	            dc = dc.replace(/^\n+/, '');
	        if (dc) {
	            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
	                lines.push('');
	            lines.push(stringifyComment.indentComment(commentString(dc), ''));
	        }
	    }
	    return lines.join('\n') + '\n';
	}

	stringifyDocument.stringifyDocument = stringifyDocument$1;
	return stringifyDocument;
}

var hasRequiredDocument;

function requireDocument () {
	if (hasRequiredDocument) return Document;
	hasRequiredDocument = 1;

	var Alias = requireAlias();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Pair = requirePair();
	var toJS = requireToJS();
	var Schema = requireSchema();
	var stringifyDocument = requireStringifyDocument();
	var anchors = requireAnchors();
	var applyReviver = requireApplyReviver();
	var createNode = requireCreateNode();
	var directives = requireDirectives();

	let Document$1 = class Document {
	    constructor(value, replacer, options) {
	        /** A comment before this Document */
	        this.commentBefore = null;
	        /** A comment immediately after this Document */
	        this.comment = null;
	        /** Errors encountered during parsing. */
	        this.errors = [];
	        /** Warnings encountered during parsing. */
	        this.warnings = [];
	        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
	        let _replacer = null;
	        if (typeof replacer === 'function' || Array.isArray(replacer)) {
	            _replacer = replacer;
	        }
	        else if (options === undefined && replacer) {
	            options = replacer;
	            replacer = undefined;
	        }
	        const opt = Object.assign({
	            intAsBigInt: false,
	            keepSourceTokens: false,
	            logLevel: 'warn',
	            prettyErrors: true,
	            strict: true,
	            stringKeys: false,
	            uniqueKeys: true,
	            version: '1.2'
	        }, options);
	        this.options = opt;
	        let { version } = opt;
	        if (options?._directives) {
	            this.directives = options._directives.atDocument();
	            if (this.directives.yaml.explicit)
	                version = this.directives.yaml.version;
	        }
	        else
	            this.directives = new directives.Directives({ version });
	        this.setSchema(version, options);
	        // @ts-expect-error We can't really know that this matches Contents.
	        this.contents =
	            value === undefined ? null : this.createNode(value, _replacer, options);
	    }
	    /**
	     * Create a deep copy of this Document and its contents.
	     *
	     * Custom Node values that inherit from `Object` still refer to their original instances.
	     */
	    clone() {
	        const copy = Object.create(Document.prototype, {
	            [identity.NODE_TYPE]: { value: identity.DOC }
	        });
	        copy.commentBefore = this.commentBefore;
	        copy.comment = this.comment;
	        copy.errors = this.errors.slice();
	        copy.warnings = this.warnings.slice();
	        copy.options = Object.assign({}, this.options);
	        if (this.directives)
	            copy.directives = this.directives.clone();
	        copy.schema = this.schema.clone();
	        // @ts-expect-error We can't really know that this matches Contents.
	        copy.contents = identity.isNode(this.contents)
	            ? this.contents.clone(copy.schema)
	            : this.contents;
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /** Adds a value to the document. */
	    add(value) {
	        if (assertCollection(this.contents))
	            this.contents.add(value);
	    }
	    /** Adds a value to the document. */
	    addIn(path, value) {
	        if (assertCollection(this.contents))
	            this.contents.addIn(path, value);
	    }
	    /**
	     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
	     *
	     * If `node` already has an anchor, `name` is ignored.
	     * Otherwise, the `node.anchor` value will be set to `name`,
	     * or if an anchor with that name is already present in the document,
	     * `name` will be used as a prefix for a new unique anchor.
	     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
	     */
	    createAlias(node, name) {
	        if (!node.anchor) {
	            const prev = anchors.anchorNames(this);
	            node.anchor =
	                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
	        }
	        return new Alias.Alias(node.anchor);
	    }
	    createNode(value, replacer, options) {
	        let _replacer = undefined;
	        if (typeof replacer === 'function') {
	            value = replacer.call({ '': value }, '', value);
	            _replacer = replacer;
	        }
	        else if (Array.isArray(replacer)) {
	            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
	            const asStr = replacer.filter(keyToStr).map(String);
	            if (asStr.length > 0)
	                replacer = replacer.concat(asStr);
	            _replacer = replacer;
	        }
	        else if (options === undefined && replacer) {
	            options = replacer;
	            replacer = undefined;
	        }
	        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
	        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
	        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	        anchorPrefix || 'a');
	        const ctx = {
	            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
	            keepUndefined: keepUndefined ?? false,
	            onAnchor,
	            onTagObj,
	            replacer: _replacer,
	            schema: this.schema,
	            sourceObjects
	        };
	        const node = createNode.createNode(value, tag, ctx);
	        if (flow && identity.isCollection(node))
	            node.flow = true;
	        setAnchors();
	        return node;
	    }
	    /**
	     * Convert a key and a value into a `Pair` using the current schema,
	     * recursively wrapping all values as `Scalar` or `Collection` nodes.
	     */
	    createPair(key, value, options = {}) {
	        const k = this.createNode(key, null, options);
	        const v = this.createNode(value, null, options);
	        return new Pair.Pair(k, v);
	    }
	    /**
	     * Removes a value from the document.
	     * @returns `true` if the item was found and removed.
	     */
	    delete(key) {
	        return assertCollection(this.contents) ? this.contents.delete(key) : false;
	    }
	    /**
	     * Removes a value from the document.
	     * @returns `true` if the item was found and removed.
	     */
	    deleteIn(path) {
	        if (Collection.isEmptyPath(path)) {
	            if (this.contents == null)
	                return false;
	            // @ts-expect-error Presumed impossible if Strict extends false
	            this.contents = null;
	            return true;
	        }
	        return assertCollection(this.contents)
	            ? this.contents.deleteIn(path)
	            : false;
	    }
	    /**
	     * Returns item at `key`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    get(key, keepScalar) {
	        return identity.isCollection(this.contents)
	            ? this.contents.get(key, keepScalar)
	            : undefined;
	    }
	    /**
	     * Returns item at `path`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    getIn(path, keepScalar) {
	        if (Collection.isEmptyPath(path))
	            return !keepScalar && identity.isScalar(this.contents)
	                ? this.contents.value
	                : this.contents;
	        return identity.isCollection(this.contents)
	            ? this.contents.getIn(path, keepScalar)
	            : undefined;
	    }
	    /**
	     * Checks if the document includes a value with the key `key`.
	     */
	    has(key) {
	        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
	    }
	    /**
	     * Checks if the document includes a value at `path`.
	     */
	    hasIn(path) {
	        if (Collection.isEmptyPath(path))
	            return this.contents !== undefined;
	        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
	    }
	    /**
	     * Sets a value in this document. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    set(key, value) {
	        if (this.contents == null) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = Collection.collectionFromPath(this.schema, [key], value);
	        }
	        else if (assertCollection(this.contents)) {
	            this.contents.set(key, value);
	        }
	    }
	    /**
	     * Sets a value in this document. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    setIn(path, value) {
	        if (Collection.isEmptyPath(path)) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = value;
	        }
	        else if (this.contents == null) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
	        }
	        else if (assertCollection(this.contents)) {
	            this.contents.setIn(path, value);
	        }
	    }
	    /**
	     * Change the YAML version and schema used by the document.
	     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
	     * It also requires the `schema` option to be given as a `Schema` instance value.
	     *
	     * Overrides all previously set schema options.
	     */
	    setSchema(version, options = {}) {
	        if (typeof version === 'number')
	            version = String(version);
	        let opt;
	        switch (version) {
	            case '1.1':
	                if (this.directives)
	                    this.directives.yaml.version = '1.1';
	                else
	                    this.directives = new directives.Directives({ version: '1.1' });
	                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
	                break;
	            case '1.2':
	            case 'next':
	                if (this.directives)
	                    this.directives.yaml.version = version;
	                else
	                    this.directives = new directives.Directives({ version });
	                opt = { resolveKnownTags: true, schema: 'core' };
	                break;
	            case null:
	                if (this.directives)
	                    delete this.directives;
	                opt = null;
	                break;
	            default: {
	                const sv = JSON.stringify(version);
	                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
	            }
	        }
	        // Not using `instanceof Schema` to allow for duck typing
	        if (options.schema instanceof Object)
	            this.schema = options.schema;
	        else if (opt)
	            this.schema = new Schema.Schema(Object.assign(opt, options));
	        else
	            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
	    }
	    // json & jsonArg are only used from toJSON()
	    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
	        const ctx = {
	            anchors: new Map(),
	            doc: this,
	            keep: !json,
	            mapAsMap: mapAsMap === true,
	            mapKeyWarned: false,
	            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
	        };
	        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
	        if (typeof onAnchor === 'function')
	            for (const { count, res } of ctx.anchors.values())
	                onAnchor(res, count);
	        return typeof reviver === 'function'
	            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
	            : res;
	    }
	    /**
	     * A JSON representation of the document `contents`.
	     *
	     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
	     *   property name.
	     */
	    toJSON(jsonArg, onAnchor) {
	        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
	    }
	    /** A YAML representation of the document. */
	    toString(options = {}) {
	        if (this.errors.length > 0)
	            throw new Error('Document with errors cannot be stringified');
	        if ('indent' in options &&
	            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
	            const s = JSON.stringify(options.indent);
	            throw new Error(`"indent" option must be a positive integer, not ${s}`);
	        }
	        return stringifyDocument.stringifyDocument(this, options);
	    }
	};
	function assertCollection(contents) {
	    if (identity.isCollection(contents))
	        return true;
	    throw new Error('Expected a YAML collection as document contents');
	}

	Document.Document = Document$1;
	return Document;
}

var errors = {};

var hasRequiredErrors;

function requireErrors () {
	if (hasRequiredErrors) return errors;
	hasRequiredErrors = 1;

	class YAMLError extends Error {
	    constructor(name, pos, code, message) {
	        super();
	        this.name = name;
	        this.code = code;
	        this.message = message;
	        this.pos = pos;
	    }
	}
	class YAMLParseError extends YAMLError {
	    constructor(pos, code, message) {
	        super('YAMLParseError', pos, code, message);
	    }
	}
	class YAMLWarning extends YAMLError {
	    constructor(pos, code, message) {
	        super('YAMLWarning', pos, code, message);
	    }
	}
	const prettifyError = (src, lc) => (error) => {
	    if (error.pos[0] === -1)
	        return;
	    error.linePos = error.pos.map(pos => lc.linePos(pos));
	    const { line, col } = error.linePos[0];
	    error.message += ` at line ${line}, column ${col}`;
	    let ci = col - 1;
	    let lineStr = src
	        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
	        .replace(/[\n\r]+$/, '');
	    // Trim to max 80 chars, keeping col position near the middle
	    if (ci >= 60 && lineStr.length > 80) {
	        const trimStart = Math.min(ci - 39, lineStr.length - 79);
	        lineStr = '…' + lineStr.substring(trimStart);
	        ci -= trimStart - 1;
	    }
	    if (lineStr.length > 80)
	        lineStr = lineStr.substring(0, 79) + '…';
	    // Include previous line in context if pointing at line start
	    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
	        // Regexp won't match if start is trimmed
	        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
	        if (prev.length > 80)
	            prev = prev.substring(0, 79) + '…\n';
	        lineStr = prev + lineStr;
	    }
	    if (/[^ ]/.test(lineStr)) {
	        let count = 1;
	        const end = error.linePos[1];
	        if (end?.line === line && end.col > col) {
	            count = Math.max(1, Math.min(end.col - col, 80 - ci));
	        }
	        const pointer = ' '.repeat(ci) + '^'.repeat(count);
	        error.message += `:\n\n${lineStr}\n${pointer}\n`;
	    }
	};

	errors.YAMLError = YAMLError;
	errors.YAMLParseError = YAMLParseError;
	errors.YAMLWarning = YAMLWarning;
	errors.prettifyError = prettifyError;
	return errors;
}

var composeDoc = {};

var composeNode = {};

var composeCollection = {};

var resolveBlockMap = {};

var resolveProps = {};

var hasRequiredResolveProps;

function requireResolveProps () {
	if (hasRequiredResolveProps) return resolveProps;
	hasRequiredResolveProps = 1;

	function resolveProps$1(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
	    let spaceBefore = false;
	    let atNewline = startOnNewline;
	    let hasSpace = startOnNewline;
	    let comment = '';
	    let commentSep = '';
	    let hasNewline = false;
	    let reqSpace = false;
	    let tab = null;
	    let anchor = null;
	    let tag = null;
	    let newlineAfterProp = null;
	    let comma = null;
	    let found = null;
	    let start = null;
	    for (const token of tokens) {
	        if (reqSpace) {
	            if (token.type !== 'space' &&
	                token.type !== 'newline' &&
	                token.type !== 'comma')
	                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
	            reqSpace = false;
	        }
	        if (tab) {
	            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
	                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
	            }
	            tab = null;
	        }
	        switch (token.type) {
	            case 'space':
	                // At the doc level, tabs at line start may be parsed
	                // as leading white space rather than indentation.
	                // In a flow collection, only the parser handles indent.
	                if (!flow &&
	                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
	                    token.source.includes('\t')) {
	                    tab = token;
	                }
	                hasSpace = true;
	                break;
	            case 'comment': {
	                if (!hasSpace)
	                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
	                const cb = token.source.substring(1) || ' ';
	                if (!comment)
	                    comment = cb;
	                else
	                    comment += commentSep + cb;
	                commentSep = '';
	                atNewline = false;
	                break;
	            }
	            case 'newline':
	                if (atNewline) {
	                    if (comment)
	                        comment += token.source;
	                    else if (!found || indicator !== 'seq-item-ind')
	                        spaceBefore = true;
	                }
	                else
	                    commentSep += token.source;
	                atNewline = true;
	                hasNewline = true;
	                if (anchor || tag)
	                    newlineAfterProp = token;
	                hasSpace = true;
	                break;
	            case 'anchor':
	                if (anchor)
	                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
	                if (token.source.endsWith(':'))
	                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
	                anchor = token;
	                start ?? (start = token.offset);
	                atNewline = false;
	                hasSpace = false;
	                reqSpace = true;
	                break;
	            case 'tag': {
	                if (tag)
	                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
	                tag = token;
	                start ?? (start = token.offset);
	                atNewline = false;
	                hasSpace = false;
	                reqSpace = true;
	                break;
	            }
	            case indicator:
	                // Could here handle preceding comments differently
	                if (anchor || tag)
	                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
	                if (found)
	                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
	                found = token;
	                atNewline =
	                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
	                hasSpace = false;
	                break;
	            case 'comma':
	                if (flow) {
	                    if (comma)
	                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
	                    comma = token;
	                    atNewline = false;
	                    hasSpace = false;
	                    break;
	                }
	            // else fallthrough
	            default:
	                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
	                atNewline = false;
	                hasSpace = false;
	        }
	    }
	    const last = tokens[tokens.length - 1];
	    const end = last ? last.offset + last.source.length : offset;
	    if (reqSpace &&
	        next &&
	        next.type !== 'space' &&
	        next.type !== 'newline' &&
	        next.type !== 'comma' &&
	        (next.type !== 'scalar' || next.source !== '')) {
	        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
	    }
	    if (tab &&
	        ((atNewline && tab.indent <= parentIndent) ||
	            next?.type === 'block-map' ||
	            next?.type === 'block-seq'))
	        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
	    return {
	        comma,
	        found,
	        spaceBefore,
	        comment,
	        hasNewline,
	        anchor,
	        tag,
	        newlineAfterProp,
	        end,
	        start: start ?? end
	    };
	}

	resolveProps.resolveProps = resolveProps$1;
	return resolveProps;
}

var utilContainsNewline = {};

var hasRequiredUtilContainsNewline;

function requireUtilContainsNewline () {
	if (hasRequiredUtilContainsNewline) return utilContainsNewline;
	hasRequiredUtilContainsNewline = 1;

	function containsNewline(key) {
	    if (!key)
	        return null;
	    switch (key.type) {
	        case 'alias':
	        case 'scalar':
	        case 'double-quoted-scalar':
	        case 'single-quoted-scalar':
	            if (key.source.includes('\n'))
	                return true;
	            if (key.end)
	                for (const st of key.end)
	                    if (st.type === 'newline')
	                        return true;
	            return false;
	        case 'flow-collection':
	            for (const it of key.items) {
	                for (const st of it.start)
	                    if (st.type === 'newline')
	                        return true;
	                if (it.sep)
	                    for (const st of it.sep)
	                        if (st.type === 'newline')
	                            return true;
	                if (containsNewline(it.key) || containsNewline(it.value))
	                    return true;
	            }
	            return false;
	        default:
	            return true;
	    }
	}

	utilContainsNewline.containsNewline = containsNewline;
	return utilContainsNewline;
}

var utilFlowIndentCheck = {};

var hasRequiredUtilFlowIndentCheck;

function requireUtilFlowIndentCheck () {
	if (hasRequiredUtilFlowIndentCheck) return utilFlowIndentCheck;
	hasRequiredUtilFlowIndentCheck = 1;

	var utilContainsNewline = requireUtilContainsNewline();

	function flowIndentCheck(indent, fc, onError) {
	    if (fc?.type === 'flow-collection') {
	        const end = fc.end[0];
	        if (end.indent === indent &&
	            (end.source === ']' || end.source === '}') &&
	            utilContainsNewline.containsNewline(fc)) {
	            const msg = 'Flow end indicator should be more indented than parent';
	            onError(end, 'BAD_INDENT', msg, true);
	        }
	    }
	}

	utilFlowIndentCheck.flowIndentCheck = flowIndentCheck;
	return utilFlowIndentCheck;
}

var utilMapIncludes = {};

var hasRequiredUtilMapIncludes;

function requireUtilMapIncludes () {
	if (hasRequiredUtilMapIncludes) return utilMapIncludes;
	hasRequiredUtilMapIncludes = 1;

	var identity = requireIdentity();

	function mapIncludes(ctx, items, search) {
	    const { uniqueKeys } = ctx.options;
	    if (uniqueKeys === false)
	        return false;
	    const isEqual = typeof uniqueKeys === 'function'
	        ? uniqueKeys
	        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
	    return items.some(pair => isEqual(pair.key, search));
	}

	utilMapIncludes.mapIncludes = mapIncludes;
	return utilMapIncludes;
}

var hasRequiredResolveBlockMap;

function requireResolveBlockMap () {
	if (hasRequiredResolveBlockMap) return resolveBlockMap;
	hasRequiredResolveBlockMap = 1;

	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();
	var resolveProps = requireResolveProps();
	var utilContainsNewline = requireUtilContainsNewline();
	var utilFlowIndentCheck = requireUtilFlowIndentCheck();
	var utilMapIncludes = requireUtilMapIncludes();

	const startColMsg = 'All mapping items must start at the same column';
	function resolveBlockMap$1({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
	    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
	    const map = new NodeClass(ctx.schema);
	    if (ctx.atRoot)
	        ctx.atRoot = false;
	    let offset = bm.offset;
	    let commentEnd = null;
	    for (const collItem of bm.items) {
	        const { start, key, sep, value } = collItem;
	        // key properties
	        const keyProps = resolveProps.resolveProps(start, {
	            indicator: 'explicit-key-ind',
	            next: key ?? sep?.[0],
	            offset,
	            onError,
	            parentIndent: bm.indent,
	            startOnNewline: true
	        });
	        const implicitKey = !keyProps.found;
	        if (implicitKey) {
	            if (key) {
	                if (key.type === 'block-seq')
	                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
	                else if ('indent' in key && key.indent !== bm.indent)
	                    onError(offset, 'BAD_INDENT', startColMsg);
	            }
	            if (!keyProps.anchor && !keyProps.tag && !sep) {
	                commentEnd = keyProps.end;
	                if (keyProps.comment) {
	                    if (map.comment)
	                        map.comment += '\n' + keyProps.comment;
	                    else
	                        map.comment = keyProps.comment;
	                }
	                continue;
	            }
	            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
	                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
	            }
	        }
	        else if (keyProps.found?.indent !== bm.indent) {
	            onError(offset, 'BAD_INDENT', startColMsg);
	        }
	        // key value
	        ctx.atKey = true;
	        const keyStart = keyProps.end;
	        const keyNode = key
	            ? composeNode(ctx, key, keyProps, onError)
	            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
	        if (ctx.schema.compat)
	            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
	        ctx.atKey = false;
	        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
	            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
	        // value properties
	        const valueProps = resolveProps.resolveProps(sep ?? [], {
	            indicator: 'map-value-ind',
	            next: value,
	            offset: keyNode.range[2],
	            onError,
	            parentIndent: bm.indent,
	            startOnNewline: !key || key.type === 'block-scalar'
	        });
	        offset = valueProps.end;
	        if (valueProps.found) {
	            if (implicitKey) {
	                if (value?.type === 'block-map' && !valueProps.hasNewline)
	                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
	                if (ctx.options.strict &&
	                    keyProps.start < valueProps.found.offset - 1024)
	                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
	            }
	            // value value
	            const valueNode = value
	                ? composeNode(ctx, value, valueProps, onError)
	                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
	            if (ctx.schema.compat)
	                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
	            offset = valueNode.range[2];
	            const pair = new Pair.Pair(keyNode, valueNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            map.items.push(pair);
	        }
	        else {
	            // key with no value
	            if (implicitKey)
	                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
	            if (valueProps.comment) {
	                if (keyNode.comment)
	                    keyNode.comment += '\n' + valueProps.comment;
	                else
	                    keyNode.comment = valueProps.comment;
	            }
	            const pair = new Pair.Pair(keyNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            map.items.push(pair);
	        }
	    }
	    if (commentEnd && commentEnd < offset)
	        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
	    map.range = [bm.offset, offset, commentEnd ?? offset];
	    return map;
	}

	resolveBlockMap.resolveBlockMap = resolveBlockMap$1;
	return resolveBlockMap;
}

var resolveBlockSeq = {};

var hasRequiredResolveBlockSeq;

function requireResolveBlockSeq () {
	if (hasRequiredResolveBlockSeq) return resolveBlockSeq;
	hasRequiredResolveBlockSeq = 1;

	var YAMLSeq = requireYAMLSeq();
	var resolveProps = requireResolveProps();
	var utilFlowIndentCheck = requireUtilFlowIndentCheck();

	function resolveBlockSeq$1({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
	    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
	    const seq = new NodeClass(ctx.schema);
	    if (ctx.atRoot)
	        ctx.atRoot = false;
	    if (ctx.atKey)
	        ctx.atKey = false;
	    let offset = bs.offset;
	    let commentEnd = null;
	    for (const { start, value } of bs.items) {
	        const props = resolveProps.resolveProps(start, {
	            indicator: 'seq-item-ind',
	            next: value,
	            offset,
	            onError,
	            parentIndent: bs.indent,
	            startOnNewline: true
	        });
	        if (!props.found) {
	            if (props.anchor || props.tag || value) {
	                if (value?.type === 'block-seq')
	                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
	                else
	                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
	            }
	            else {
	                commentEnd = props.end;
	                if (props.comment)
	                    seq.comment = props.comment;
	                continue;
	            }
	        }
	        const node = value
	            ? composeNode(ctx, value, props, onError)
	            : composeEmptyNode(ctx, props.end, start, null, props, onError);
	        if (ctx.schema.compat)
	            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
	        offset = node.range[2];
	        seq.items.push(node);
	    }
	    seq.range = [bs.offset, offset, commentEnd ?? offset];
	    return seq;
	}

	resolveBlockSeq.resolveBlockSeq = resolveBlockSeq$1;
	return resolveBlockSeq;
}

var resolveFlowCollection = {};

var resolveEnd = {};

var hasRequiredResolveEnd;

function requireResolveEnd () {
	if (hasRequiredResolveEnd) return resolveEnd;
	hasRequiredResolveEnd = 1;

	function resolveEnd$1(end, offset, reqSpace, onError) {
	    let comment = '';
	    if (end) {
	        let hasSpace = false;
	        let sep = '';
	        for (const token of end) {
	            const { source, type } = token;
	            switch (type) {
	                case 'space':
	                    hasSpace = true;
	                    break;
	                case 'comment': {
	                    if (reqSpace && !hasSpace)
	                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
	                    const cb = source.substring(1) || ' ';
	                    if (!comment)
	                        comment = cb;
	                    else
	                        comment += sep + cb;
	                    sep = '';
	                    break;
	                }
	                case 'newline':
	                    if (comment)
	                        sep += source;
	                    hasSpace = true;
	                    break;
	                default:
	                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
	            }
	            offset += source.length;
	        }
	    }
	    return { comment, offset };
	}

	resolveEnd.resolveEnd = resolveEnd$1;
	return resolveEnd;
}

var hasRequiredResolveFlowCollection;

function requireResolveFlowCollection () {
	if (hasRequiredResolveFlowCollection) return resolveFlowCollection;
	hasRequiredResolveFlowCollection = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var resolveEnd = requireResolveEnd();
	var resolveProps = requireResolveProps();
	var utilContainsNewline = requireUtilContainsNewline();
	var utilMapIncludes = requireUtilMapIncludes();

	const blockMsg = 'Block collections are not allowed within flow collections';
	const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
	function resolveFlowCollection$1({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
	    const isMap = fc.start.source === '{';
	    const fcName = isMap ? 'flow map' : 'flow sequence';
	    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
	    const coll = new NodeClass(ctx.schema);
	    coll.flow = true;
	    const atRoot = ctx.atRoot;
	    if (atRoot)
	        ctx.atRoot = false;
	    if (ctx.atKey)
	        ctx.atKey = false;
	    let offset = fc.offset + fc.start.source.length;
	    for (let i = 0; i < fc.items.length; ++i) {
	        const collItem = fc.items[i];
	        const { start, key, sep, value } = collItem;
	        const props = resolveProps.resolveProps(start, {
	            flow: fcName,
	            indicator: 'explicit-key-ind',
	            next: key ?? sep?.[0],
	            offset,
	            onError,
	            parentIndent: fc.indent,
	            startOnNewline: false
	        });
	        if (!props.found) {
	            if (!props.anchor && !props.tag && !sep && !value) {
	                if (i === 0 && props.comma)
	                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
	                else if (i < fc.items.length - 1)
	                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
	                if (props.comment) {
	                    if (coll.comment)
	                        coll.comment += '\n' + props.comment;
	                    else
	                        coll.comment = props.comment;
	                }
	                offset = props.end;
	                continue;
	            }
	            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
	                onError(key, // checked by containsNewline()
	                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
	        }
	        if (i === 0) {
	            if (props.comma)
	                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
	        }
	        else {
	            if (!props.comma)
	                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
	            if (props.comment) {
	                let prevItemComment = '';
	                loop: for (const st of start) {
	                    switch (st.type) {
	                        case 'comma':
	                        case 'space':
	                            break;
	                        case 'comment':
	                            prevItemComment = st.source.substring(1);
	                            break loop;
	                        default:
	                            break loop;
	                    }
	                }
	                if (prevItemComment) {
	                    let prev = coll.items[coll.items.length - 1];
	                    if (identity.isPair(prev))
	                        prev = prev.value ?? prev.key;
	                    if (prev.comment)
	                        prev.comment += '\n' + prevItemComment;
	                    else
	                        prev.comment = prevItemComment;
	                    props.comment = props.comment.substring(prevItemComment.length + 1);
	                }
	            }
	        }
	        if (!isMap && !sep && !props.found) {
	            // item is a value in a seq
	            // → key & sep are empty, start does not include ? or :
	            const valueNode = value
	                ? composeNode(ctx, value, props, onError)
	                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
	            coll.items.push(valueNode);
	            offset = valueNode.range[2];
	            if (isBlock(value))
	                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
	        }
	        else {
	            // item is a key+value pair
	            // key value
	            ctx.atKey = true;
	            const keyStart = props.end;
	            const keyNode = key
	                ? composeNode(ctx, key, props, onError)
	                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
	            if (isBlock(key))
	                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
	            ctx.atKey = false;
	            // value properties
	            const valueProps = resolveProps.resolveProps(sep ?? [], {
	                flow: fcName,
	                indicator: 'map-value-ind',
	                next: value,
	                offset: keyNode.range[2],
	                onError,
	                parentIndent: fc.indent,
	                startOnNewline: false
	            });
	            if (valueProps.found) {
	                if (!isMap && !props.found && ctx.options.strict) {
	                    if (sep)
	                        for (const st of sep) {
	                            if (st === valueProps.found)
	                                break;
	                            if (st.type === 'newline') {
	                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
	                                break;
	                            }
	                        }
	                    if (props.start < valueProps.found.offset - 1024)
	                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
	                }
	            }
	            else if (value) {
	                if ('source' in value && value.source?.[0] === ':')
	                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
	                else
	                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
	            }
	            // value value
	            const valueNode = value
	                ? composeNode(ctx, value, valueProps, onError)
	                : valueProps.found
	                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
	                    : null;
	            if (valueNode) {
	                if (isBlock(value))
	                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
	            }
	            else if (valueProps.comment) {
	                if (keyNode.comment)
	                    keyNode.comment += '\n' + valueProps.comment;
	                else
	                    keyNode.comment = valueProps.comment;
	            }
	            const pair = new Pair.Pair(keyNode, valueNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            if (isMap) {
	                const map = coll;
	                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
	                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
	                map.items.push(pair);
	            }
	            else {
	                const map = new YAMLMap.YAMLMap(ctx.schema);
	                map.flow = true;
	                map.items.push(pair);
	                const endRange = (valueNode ?? keyNode).range;
	                map.range = [keyNode.range[0], endRange[1], endRange[2]];
	                coll.items.push(map);
	            }
	            offset = valueNode ? valueNode.range[2] : valueProps.end;
	        }
	    }
	    const expectedEnd = isMap ? '}' : ']';
	    const [ce, ...ee] = fc.end;
	    let cePos = offset;
	    if (ce?.source === expectedEnd)
	        cePos = ce.offset + ce.source.length;
	    else {
	        const name = fcName[0].toUpperCase() + fcName.substring(1);
	        const msg = atRoot
	            ? `${name} must end with a ${expectedEnd}`
	            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
	        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
	        if (ce && ce.source.length !== 1)
	            ee.unshift(ce);
	    }
	    if (ee.length > 0) {
	        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
	        if (end.comment) {
	            if (coll.comment)
	                coll.comment += '\n' + end.comment;
	            else
	                coll.comment = end.comment;
	        }
	        coll.range = [fc.offset, cePos, end.offset];
	    }
	    else {
	        coll.range = [fc.offset, cePos, cePos];
	    }
	    return coll;
	}

	resolveFlowCollection.resolveFlowCollection = resolveFlowCollection$1;
	return resolveFlowCollection;
}

var hasRequiredComposeCollection;

function requireComposeCollection () {
	if (hasRequiredComposeCollection) return composeCollection;
	hasRequiredComposeCollection = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var resolveBlockMap = requireResolveBlockMap();
	var resolveBlockSeq = requireResolveBlockSeq();
	var resolveFlowCollection = requireResolveFlowCollection();

	function resolveCollection(CN, ctx, token, onError, tagName, tag) {
	    const coll = token.type === 'block-map'
	        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
	        : token.type === 'block-seq'
	            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
	            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
	    const Coll = coll.constructor;
	    // If we got a tagName matching the class, or the tag name is '!',
	    // then use the tagName from the node class used to create it.
	    if (tagName === '!' || tagName === Coll.tagName) {
	        coll.tag = Coll.tagName;
	        return coll;
	    }
	    if (tagName)
	        coll.tag = tagName;
	    return coll;
	}
	function composeCollection$1(CN, ctx, token, props, onError) {
	    const tagToken = props.tag;
	    const tagName = !tagToken
	        ? null
	        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
	    if (token.type === 'block-seq') {
	        const { anchor, newlineAfterProp: nl } = props;
	        const lastProp = anchor && tagToken
	            ? anchor.offset > tagToken.offset
	                ? anchor
	                : tagToken
	            : (anchor ?? tagToken);
	        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
	            const message = 'Missing newline after block sequence props';
	            onError(lastProp, 'MISSING_CHAR', message);
	        }
	    }
	    const expType = token.type === 'block-map'
	        ? 'map'
	        : token.type === 'block-seq'
	            ? 'seq'
	            : token.start.source === '{'
	                ? 'map'
	                : 'seq';
	    // shortcut: check if it's a generic YAMLMap or YAMLSeq
	    // before jumping into the custom tag logic.
	    if (!tagToken ||
	        !tagName ||
	        tagName === '!' ||
	        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
	        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
	        return resolveCollection(CN, ctx, token, onError, tagName);
	    }
	    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
	    if (!tag) {
	        const kt = ctx.schema.knownTags[tagName];
	        if (kt?.collection === expType) {
	            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
	            tag = kt;
	        }
	        else {
	            if (kt) {
	                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
	            }
	            else {
	                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
	            }
	            return resolveCollection(CN, ctx, token, onError, tagName);
	        }
	    }
	    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
	    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
	    const node = identity.isNode(res)
	        ? res
	        : new Scalar.Scalar(res);
	    node.range = coll.range;
	    node.tag = tagName;
	    if (tag?.format)
	        node.format = tag.format;
	    return node;
	}

	composeCollection.composeCollection = composeCollection$1;
	return composeCollection;
}

var composeScalar = {};

var resolveBlockScalar = {};

var hasRequiredResolveBlockScalar;

function requireResolveBlockScalar () {
	if (hasRequiredResolveBlockScalar) return resolveBlockScalar;
	hasRequiredResolveBlockScalar = 1;

	var Scalar = requireScalar();

	function resolveBlockScalar$1(ctx, scalar, onError) {
	    const start = scalar.offset;
	    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
	    if (!header)
	        return { value: '', type: null, comment: '', range: [start, start, start] };
	    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
	    const lines = scalar.source ? splitLines(scalar.source) : [];
	    // determine the end of content & start of chomping
	    let chompStart = lines.length;
	    for (let i = lines.length - 1; i >= 0; --i) {
	        const content = lines[i][1];
	        if (content === '' || content === '\r')
	            chompStart = i;
	        else
	            break;
	    }
	    // shortcut for empty contents
	    if (chompStart === 0) {
	        const value = header.chomp === '+' && lines.length > 0
	            ? '\n'.repeat(Math.max(1, lines.length - 1))
	            : '';
	        let end = start + header.length;
	        if (scalar.source)
	            end += scalar.source.length;
	        return { value, type, comment: header.comment, range: [start, end, end] };
	    }
	    // find the indentation level to trim from start
	    let trimIndent = scalar.indent + header.indent;
	    let offset = scalar.offset + header.length;
	    let contentStart = 0;
	    for (let i = 0; i < chompStart; ++i) {
	        const [indent, content] = lines[i];
	        if (content === '' || content === '\r') {
	            if (header.indent === 0 && indent.length > trimIndent)
	                trimIndent = indent.length;
	        }
	        else {
	            if (indent.length < trimIndent) {
	                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
	                onError(offset + indent.length, 'MISSING_CHAR', message);
	            }
	            if (header.indent === 0)
	                trimIndent = indent.length;
	            contentStart = i;
	            if (trimIndent === 0 && !ctx.atRoot) {
	                const message = 'Block scalar values in collections must be indented';
	                onError(offset, 'BAD_INDENT', message);
	            }
	            break;
	        }
	        offset += indent.length + content.length + 1;
	    }
	    // include trailing more-indented empty lines in content
	    for (let i = lines.length - 1; i >= chompStart; --i) {
	        if (lines[i][0].length > trimIndent)
	            chompStart = i + 1;
	    }
	    let value = '';
	    let sep = '';
	    let prevMoreIndented = false;
	    // leading whitespace is kept intact
	    for (let i = 0; i < contentStart; ++i)
	        value += lines[i][0].slice(trimIndent) + '\n';
	    for (let i = contentStart; i < chompStart; ++i) {
	        let [indent, content] = lines[i];
	        offset += indent.length + content.length + 1;
	        const crlf = content[content.length - 1] === '\r';
	        if (crlf)
	            content = content.slice(0, -1);
	        /* istanbul ignore if already caught in lexer */
	        if (content && indent.length < trimIndent) {
	            const src = header.indent
	                ? 'explicit indentation indicator'
	                : 'first line';
	            const message = `Block scalar lines must not be less indented than their ${src}`;
	            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
	            indent = '';
	        }
	        if (type === Scalar.Scalar.BLOCK_LITERAL) {
	            value += sep + indent.slice(trimIndent) + content;
	            sep = '\n';
	        }
	        else if (indent.length > trimIndent || content[0] === '\t') {
	            // more-indented content within a folded block
	            if (sep === ' ')
	                sep = '\n';
	            else if (!prevMoreIndented && sep === '\n')
	                sep = '\n\n';
	            value += sep + indent.slice(trimIndent) + content;
	            sep = '\n';
	            prevMoreIndented = true;
	        }
	        else if (content === '') {
	            // empty line
	            if (sep === '\n')
	                value += '\n';
	            else
	                sep = '\n';
	        }
	        else {
	            value += sep + content;
	            sep = ' ';
	            prevMoreIndented = false;
	        }
	    }
	    switch (header.chomp) {
	        case '-':
	            break;
	        case '+':
	            for (let i = chompStart; i < lines.length; ++i)
	                value += '\n' + lines[i][0].slice(trimIndent);
	            if (value[value.length - 1] !== '\n')
	                value += '\n';
	            break;
	        default:
	            value += '\n';
	    }
	    const end = start + header.length + scalar.source.length;
	    return { value, type, comment: header.comment, range: [start, end, end] };
	}
	function parseBlockScalarHeader({ offset, props }, strict, onError) {
	    /* istanbul ignore if should not happen */
	    if (props[0].type !== 'block-scalar-header') {
	        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
	        return null;
	    }
	    const { source } = props[0];
	    const mode = source[0];
	    let indent = 0;
	    let chomp = '';
	    let error = -1;
	    for (let i = 1; i < source.length; ++i) {
	        const ch = source[i];
	        if (!chomp && (ch === '-' || ch === '+'))
	            chomp = ch;
	        else {
	            const n = Number(ch);
	            if (!indent && n)
	                indent = n;
	            else if (error === -1)
	                error = offset + i;
	        }
	    }
	    if (error !== -1)
	        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
	    let hasSpace = false;
	    let comment = '';
	    let length = source.length;
	    for (let i = 1; i < props.length; ++i) {
	        const token = props[i];
	        switch (token.type) {
	            case 'space':
	                hasSpace = true;
	            // fallthrough
	            case 'newline':
	                length += token.source.length;
	                break;
	            case 'comment':
	                if (strict && !hasSpace) {
	                    const message = 'Comments must be separated from other tokens by white space characters';
	                    onError(token, 'MISSING_CHAR', message);
	                }
	                length += token.source.length;
	                comment = token.source.substring(1);
	                break;
	            case 'error':
	                onError(token, 'UNEXPECTED_TOKEN', token.message);
	                length += token.source.length;
	                break;
	            /* istanbul ignore next should not happen */
	            default: {
	                const message = `Unexpected token in block scalar header: ${token.type}`;
	                onError(token, 'UNEXPECTED_TOKEN', message);
	                const ts = token.source;
	                if (ts && typeof ts === 'string')
	                    length += ts.length;
	            }
	        }
	    }
	    return { mode, indent, chomp, comment, length };
	}
	/** @returns Array of lines split up as `[indent, content]` */
	function splitLines(source) {
	    const split = source.split(/\n( *)/);
	    const first = split[0];
	    const m = first.match(/^( *)/);
	    const line0 = m?.[1]
	        ? [m[1], first.slice(m[1].length)]
	        : ['', first];
	    const lines = [line0];
	    for (let i = 1; i < split.length; i += 2)
	        lines.push([split[i], split[i + 1]]);
	    return lines;
	}

	resolveBlockScalar.resolveBlockScalar = resolveBlockScalar$1;
	return resolveBlockScalar;
}

var resolveFlowScalar = {};

var hasRequiredResolveFlowScalar;

function requireResolveFlowScalar () {
	if (hasRequiredResolveFlowScalar) return resolveFlowScalar;
	hasRequiredResolveFlowScalar = 1;

	var Scalar = requireScalar();
	var resolveEnd = requireResolveEnd();

	function resolveFlowScalar$1(scalar, strict, onError) {
	    const { offset, type, source, end } = scalar;
	    let _type;
	    let value;
	    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
	    switch (type) {
	        case 'scalar':
	            _type = Scalar.Scalar.PLAIN;
	            value = plainValue(source, _onError);
	            break;
	        case 'single-quoted-scalar':
	            _type = Scalar.Scalar.QUOTE_SINGLE;
	            value = singleQuotedValue(source, _onError);
	            break;
	        case 'double-quoted-scalar':
	            _type = Scalar.Scalar.QUOTE_DOUBLE;
	            value = doubleQuotedValue(source, _onError);
	            break;
	        /* istanbul ignore next should not happen */
	        default:
	            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
	            return {
	                value: '',
	                type: null,
	                comment: '',
	                range: [offset, offset + source.length, offset + source.length]
	            };
	    }
	    const valueEnd = offset + source.length;
	    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
	    return {
	        value,
	        type: _type,
	        comment: re.comment,
	        range: [offset, valueEnd, re.offset]
	    };
	}
	function plainValue(source, onError) {
	    let badChar = '';
	    switch (source[0]) {
	        /* istanbul ignore next should not happen */
	        case '\t':
	            badChar = 'a tab character';
	            break;
	        case ',':
	            badChar = 'flow indicator character ,';
	            break;
	        case '%':
	            badChar = 'directive indicator character %';
	            break;
	        case '|':
	        case '>': {
	            badChar = `block scalar indicator ${source[0]}`;
	            break;
	        }
	        case '@':
	        case '`': {
	            badChar = `reserved character ${source[0]}`;
	            break;
	        }
	    }
	    if (badChar)
	        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
	    return unfoldLines(source);
	}
	function singleQuotedValue(source, onError) {
	    if (source[source.length - 1] !== "'" || source.length === 1)
	        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
	    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
	}
	function unfoldLines(source) {
	    const line = /(.*?)\r?\n/sy;
	    let match = line.exec(source);
	    if (!match)
	        return source;
	    /**
	     * The negative lookbehinds in these RegExps are to
	     * prevent causing a polynomial search time in certain cases.
	     *
	     * The try-catch is for Safari < 16.4 and other old browsers:
	     * https://caniuse.com/js-regexp-lookbehind
	     */
	    let trimEnd, trimBoth;
	    try {
	        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
	        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
	    }
	    catch {
	        trimEnd = /[ \t]+$/;
	        trimBoth = /^[ \t]+|[ \t]+$/g;
	    }
	    let res = match[1].replace(trimEnd, '');
	    let sep = ' ';
	    let pos = line.lastIndex;
	    while ((match = line.exec(source))) {
	        const lm = match[1].replace(trimBoth, '');
	        if (lm === '') {
	            if (sep === '\n')
	                res += sep;
	            else
	                sep = '\n';
	        }
	        else {
	            res += sep + lm;
	            sep = ' ';
	        }
	        pos = line.lastIndex;
	    }
	    const last = /[ \t]*(.*)/sy;
	    last.lastIndex = pos;
	    match = last.exec(source);
	    return res + sep + (match?.[1] ?? '');
	}
	function doubleQuotedValue(source, onError) {
	    let res = '';
	    for (let i = 1; i < source.length - 1; ++i) {
	        const ch = source[i];
	        if (ch === '\r' && source[i + 1] === '\n')
	            continue;
	        if (ch === '\n') {
	            const { fold, offset } = foldNewline(source, i);
	            res += fold;
	            i = offset;
	        }
	        else if (ch === '\\') {
	            let next = source[++i];
	            const cc = escapeCodes[next];
	            if (cc)
	                res += cc;
	            else if (next === '\n') {
	                // skip escaped newlines, but still trim the following line
	                next = source[i + 1];
	                while (next === ' ' || next === '\t')
	                    next = source[++i + 1];
	            }
	            else if (next === '\r' && source[i + 1] === '\n') {
	                // skip escaped CRLF newlines, but still trim the following line
	                next = source[++i + 1];
	                while (next === ' ' || next === '\t')
	                    next = source[++i + 1];
	            }
	            else if (next === 'x' || next === 'u' || next === 'U') {
	                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
	                res += parseCharCode(source, i + 1, length, onError);
	                i += length;
	            }
	            else {
	                const raw = source.substr(i - 1, 2);
	                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
	                res += raw;
	            }
	        }
	        else if (ch === ' ' || ch === '\t') {
	            // trim trailing whitespace
	            const wsStart = i;
	            let next = source[i + 1];
	            while (next === ' ' || next === '\t')
	                next = source[++i + 1];
	            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
	                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
	        }
	        else {
	            res += ch;
	        }
	    }
	    if (source[source.length - 1] !== '"' || source.length === 1)
	        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
	    return res;
	}
	/**
	 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
	 * Presumes `source[offset] === '\n'`
	 */
	function foldNewline(source, offset) {
	    let fold = '';
	    let ch = source[offset + 1];
	    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
	        if (ch === '\r' && source[offset + 2] !== '\n')
	            break;
	        if (ch === '\n')
	            fold += '\n';
	        offset += 1;
	        ch = source[offset + 1];
	    }
	    if (!fold)
	        fold = ' ';
	    return { fold, offset };
	}
	const escapeCodes = {
	    '0': '\0', // null character
	    a: '\x07', // bell character
	    b: '\b', // backspace
	    e: '\x1b', // escape character
	    f: '\f', // form feed
	    n: '\n', // line feed
	    r: '\r', // carriage return
	    t: '\t', // horizontal tab
	    v: '\v', // vertical tab
	    N: '\u0085', // Unicode next line
	    _: '\u00a0', // Unicode non-breaking space
	    L: '\u2028', // Unicode line separator
	    P: '\u2029', // Unicode paragraph separator
	    ' ': ' ',
	    '"': '"',
	    '/': '/',
	    '\\': '\\',
	    '\t': '\t'
	};
	function parseCharCode(source, offset, length, onError) {
	    const cc = source.substr(offset, length);
	    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
	    const code = ok ? parseInt(cc, 16) : NaN;
	    try {
	        return String.fromCodePoint(code);
	    }
	    catch {
	        const raw = source.substr(offset - 2, length + 2);
	        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
	        return raw;
	    }
	}

	resolveFlowScalar.resolveFlowScalar = resolveFlowScalar$1;
	return resolveFlowScalar;
}

var hasRequiredComposeScalar;

function requireComposeScalar () {
	if (hasRequiredComposeScalar) return composeScalar;
	hasRequiredComposeScalar = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var resolveBlockScalar = requireResolveBlockScalar();
	var resolveFlowScalar = requireResolveFlowScalar();

	function composeScalar$1(ctx, token, tagToken, onError) {
	    const { value, type, comment, range } = token.type === 'block-scalar'
	        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
	        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
	    const tagName = tagToken
	        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
	        : null;
	    let tag;
	    if (ctx.options.stringKeys && ctx.atKey) {
	        tag = ctx.schema[identity.SCALAR];
	    }
	    else if (tagName)
	        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
	    else if (token.type === 'scalar')
	        tag = findScalarTagByTest(ctx, value, token, onError);
	    else
	        tag = ctx.schema[identity.SCALAR];
	    let scalar;
	    try {
	        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
	        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
	    }
	    catch (error) {
	        const msg = error instanceof Error ? error.message : String(error);
	        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
	        scalar = new Scalar.Scalar(value);
	    }
	    scalar.range = range;
	    scalar.source = value;
	    if (type)
	        scalar.type = type;
	    if (tagName)
	        scalar.tag = tagName;
	    if (tag.format)
	        scalar.format = tag.format;
	    if (comment)
	        scalar.comment = comment;
	    return scalar;
	}
	function findScalarTagByName(schema, value, tagName, tagToken, onError) {
	    if (tagName === '!')
	        return schema[identity.SCALAR]; // non-specific tag
	    const matchWithTest = [];
	    for (const tag of schema.tags) {
	        if (!tag.collection && tag.tag === tagName) {
	            if (tag.default && tag.test)
	                matchWithTest.push(tag);
	            else
	                return tag;
	        }
	    }
	    for (const tag of matchWithTest)
	        if (tag.test?.test(value))
	            return tag;
	    const kt = schema.knownTags[tagName];
	    if (kt && !kt.collection) {
	        // Ensure that the known tag is available for stringifying,
	        // but does not get used by default.
	        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
	        return kt;
	    }
	    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
	    return schema[identity.SCALAR];
	}
	function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
	    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
	        tag.test?.test(value)) || schema[identity.SCALAR];
	    if (schema.compat) {
	        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
	            schema[identity.SCALAR];
	        if (tag.tag !== compat.tag) {
	            const ts = directives.tagString(tag.tag);
	            const cs = directives.tagString(compat.tag);
	            const msg = `Value may be parsed as either ${ts} or ${cs}`;
	            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
	        }
	    }
	    return tag;
	}

	composeScalar.composeScalar = composeScalar$1;
	return composeScalar;
}

var utilEmptyScalarPosition = {};

var hasRequiredUtilEmptyScalarPosition;

function requireUtilEmptyScalarPosition () {
	if (hasRequiredUtilEmptyScalarPosition) return utilEmptyScalarPosition;
	hasRequiredUtilEmptyScalarPosition = 1;

	function emptyScalarPosition(offset, before, pos) {
	    if (before) {
	        pos ?? (pos = before.length);
	        for (let i = pos - 1; i >= 0; --i) {
	            let st = before[i];
	            switch (st.type) {
	                case 'space':
	                case 'comment':
	                case 'newline':
	                    offset -= st.source.length;
	                    continue;
	            }
	            // Technically, an empty scalar is immediately after the last non-empty
	            // node, but it's more useful to place it after any whitespace.
	            st = before[++i];
	            while (st?.type === 'space') {
	                offset += st.source.length;
	                st = before[++i];
	            }
	            break;
	        }
	    }
	    return offset;
	}

	utilEmptyScalarPosition.emptyScalarPosition = emptyScalarPosition;
	return utilEmptyScalarPosition;
}

var hasRequiredComposeNode;

function requireComposeNode () {
	if (hasRequiredComposeNode) return composeNode;
	hasRequiredComposeNode = 1;

	var Alias = requireAlias();
	var identity = requireIdentity();
	var composeCollection = requireComposeCollection();
	var composeScalar = requireComposeScalar();
	var resolveEnd = requireResolveEnd();
	var utilEmptyScalarPosition = requireUtilEmptyScalarPosition();

	const CN = { composeNode: composeNode$1, composeEmptyNode };
	function composeNode$1(ctx, token, props, onError) {
	    const atKey = ctx.atKey;
	    const { spaceBefore, comment, anchor, tag } = props;
	    let node;
	    let isSrcToken = true;
	    switch (token.type) {
	        case 'alias':
	            node = composeAlias(ctx, token, onError);
	            if (anchor || tag)
	                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
	            break;
	        case 'scalar':
	        case 'single-quoted-scalar':
	        case 'double-quoted-scalar':
	        case 'block-scalar':
	            node = composeScalar.composeScalar(ctx, token, tag, onError);
	            if (anchor)
	                node.anchor = anchor.source.substring(1);
	            break;
	        case 'block-map':
	        case 'block-seq':
	        case 'flow-collection':
	            try {
	                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
	                if (anchor)
	                    node.anchor = anchor.source.substring(1);
	            }
	            catch (error) {
	                // Almost certainly here due to a stack overflow
	                const message = error instanceof Error ? error.message : String(error);
	                onError(token, 'RESOURCE_EXHAUSTION', message);
	            }
	            break;
	        default: {
	            const message = token.type === 'error'
	                ? token.message
	                : `Unsupported token (type: ${token.type})`;
	            onError(token, 'UNEXPECTED_TOKEN', message);
	            isSrcToken = false;
	        }
	    }
	    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
	    if (anchor && node.anchor === '')
	        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
	    if (atKey &&
	        ctx.options.stringKeys &&
	        (!identity.isScalar(node) ||
	            typeof node.value !== 'string' ||
	            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
	        const msg = 'With stringKeys, all keys must be strings';
	        onError(tag ?? token, 'NON_STRING_KEY', msg);
	    }
	    if (spaceBefore)
	        node.spaceBefore = true;
	    if (comment) {
	        if (token.type === 'scalar' && token.source === '')
	            node.comment = comment;
	        else
	            node.commentBefore = comment;
	    }
	    // @ts-expect-error Type checking misses meaning of isSrcToken
	    if (ctx.options.keepSourceTokens && isSrcToken)
	        node.srcToken = token;
	    return node;
	}
	function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
	    const token = {
	        type: 'scalar',
	        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
	        indent: -1,
	        source: ''
	    };
	    const node = composeScalar.composeScalar(ctx, token, tag, onError);
	    if (anchor) {
	        node.anchor = anchor.source.substring(1);
	        if (node.anchor === '')
	            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
	    }
	    if (spaceBefore)
	        node.spaceBefore = true;
	    if (comment) {
	        node.comment = comment;
	        node.range[2] = end;
	    }
	    return node;
	}
	function composeAlias({ options }, { offset, source, end }, onError) {
	    const alias = new Alias.Alias(source.substring(1));
	    if (alias.source === '')
	        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
	    if (alias.source.endsWith(':'))
	        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
	    const valueEnd = offset + source.length;
	    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
	    alias.range = [offset, valueEnd, re.offset];
	    if (re.comment)
	        alias.comment = re.comment;
	    return alias;
	}

	composeNode.composeEmptyNode = composeEmptyNode;
	composeNode.composeNode = composeNode$1;
	return composeNode;
}

var hasRequiredComposeDoc;

function requireComposeDoc () {
	if (hasRequiredComposeDoc) return composeDoc;
	hasRequiredComposeDoc = 1;

	var Document = requireDocument();
	var composeNode = requireComposeNode();
	var resolveEnd = requireResolveEnd();
	var resolveProps = requireResolveProps();

	function composeDoc$1(options, directives, { offset, start, value, end }, onError) {
	    const opts = Object.assign({ _directives: directives }, options);
	    const doc = new Document.Document(undefined, opts);
	    const ctx = {
	        atKey: false,
	        atRoot: true,
	        directives: doc.directives,
	        options: doc.options,
	        schema: doc.schema
	    };
	    const props = resolveProps.resolveProps(start, {
	        indicator: 'doc-start',
	        next: value ?? end?.[0],
	        offset,
	        onError,
	        parentIndent: 0,
	        startOnNewline: true
	    });
	    if (props.found) {
	        doc.directives.docStart = true;
	        if (value &&
	            (value.type === 'block-map' || value.type === 'block-seq') &&
	            !props.hasNewline)
	            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
	    }
	    // @ts-expect-error If Contents is set, let's trust the user
	    doc.contents = value
	        ? composeNode.composeNode(ctx, value, props, onError)
	        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
	    const contentEnd = doc.contents.range[2];
	    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
	    if (re.comment)
	        doc.comment = re.comment;
	    doc.range = [offset, contentEnd, re.offset];
	    return doc;
	}

	composeDoc.composeDoc = composeDoc$1;
	return composeDoc;
}

var hasRequiredComposer;

function requireComposer () {
	if (hasRequiredComposer) return composer;
	hasRequiredComposer = 1;

	var node_process = require$$0;
	var directives = requireDirectives();
	var Document = requireDocument();
	var errors = requireErrors();
	var identity = requireIdentity();
	var composeDoc = requireComposeDoc();
	var resolveEnd = requireResolveEnd();

	function getErrorPos(src) {
	    if (typeof src === 'number')
	        return [src, src + 1];
	    if (Array.isArray(src))
	        return src.length === 2 ? src : [src[0], src[1]];
	    const { offset, source } = src;
	    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
	}
	function parsePrelude(prelude) {
	    let comment = '';
	    let atComment = false;
	    let afterEmptyLine = false;
	    for (let i = 0; i < prelude.length; ++i) {
	        const source = prelude[i];
	        switch (source[0]) {
	            case '#':
	                comment +=
	                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
	                        (source.substring(1) || ' ');
	                atComment = true;
	                afterEmptyLine = false;
	                break;
	            case '%':
	                if (prelude[i + 1]?.[0] !== '#')
	                    i += 1;
	                atComment = false;
	                break;
	            default:
	                // This may be wrong after doc-end, but in that case it doesn't matter
	                if (!atComment)
	                    afterEmptyLine = true;
	                atComment = false;
	        }
	    }
	    return { comment, afterEmptyLine };
	}
	/**
	 * Compose a stream of CST nodes into a stream of YAML Documents.
	 *
	 * ```ts
	 * import { Composer, Parser } from 'yaml'
	 *
	 * const src: string = ...
	 * const tokens = new Parser().parse(src)
	 * const docs = new Composer().compose(tokens)
	 * ```
	 */
	class Composer {
	    constructor(options = {}) {
	        this.doc = null;
	        this.atDirectives = false;
	        this.prelude = [];
	        this.errors = [];
	        this.warnings = [];
	        this.onError = (source, code, message, warning) => {
	            const pos = getErrorPos(source);
	            if (warning)
	                this.warnings.push(new errors.YAMLWarning(pos, code, message));
	            else
	                this.errors.push(new errors.YAMLParseError(pos, code, message));
	        };
	        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	        this.directives = new directives.Directives({ version: options.version || '1.2' });
	        this.options = options;
	    }
	    decorate(doc, afterDoc) {
	        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
	        //console.log({ dc: doc.comment, prelude, comment })
	        if (comment) {
	            const dc = doc.contents;
	            if (afterDoc) {
	                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
	            }
	            else if (afterEmptyLine || doc.directives.docStart || !dc) {
	                doc.commentBefore = comment;
	            }
	            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
	                let it = dc.items[0];
	                if (identity.isPair(it))
	                    it = it.key;
	                const cb = it.commentBefore;
	                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
	            }
	            else {
	                const cb = dc.commentBefore;
	                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
	            }
	        }
	        if (afterDoc) {
	            for (let i = 0; i < this.errors.length; ++i)
	                doc.errors.push(this.errors[i]);
	            for (let i = 0; i < this.warnings.length; ++i)
	                doc.warnings.push(this.warnings[i]);
	        }
	        else {
	            doc.errors = this.errors;
	            doc.warnings = this.warnings;
	        }
	        this.prelude = [];
	        this.errors = [];
	        this.warnings = [];
	    }
	    /**
	     * Current stream status information.
	     *
	     * Mostly useful at the end of input for an empty stream.
	     */
	    streamInfo() {
	        return {
	            comment: parsePrelude(this.prelude).comment,
	            directives: this.directives,
	            errors: this.errors,
	            warnings: this.warnings
	        };
	    }
	    /**
	     * Compose tokens into documents.
	     *
	     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
	     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
	     */
	    *compose(tokens, forceDoc = false, endOffset = -1) {
	        for (const token of tokens)
	            yield* this.next(token);
	        yield* this.end(forceDoc, endOffset);
	    }
	    /** Advance the composer by one CST token. */
	    *next(token) {
	        if (node_process.env.LOG_STREAM)
	            console.dir(token, { depth: null });
	        switch (token.type) {
	            case 'directive':
	                this.directives.add(token.source, (offset, message, warning) => {
	                    const pos = getErrorPos(token);
	                    pos[0] += offset;
	                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
	                });
	                this.prelude.push(token.source);
	                this.atDirectives = true;
	                break;
	            case 'document': {
	                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
	                if (this.atDirectives && !doc.directives.docStart)
	                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
	                this.decorate(doc, false);
	                if (this.doc)
	                    yield this.doc;
	                this.doc = doc;
	                this.atDirectives = false;
	                break;
	            }
	            case 'byte-order-mark':
	            case 'space':
	                break;
	            case 'comment':
	            case 'newline':
	                this.prelude.push(token.source);
	                break;
	            case 'error': {
	                const msg = token.source
	                    ? `${token.message}: ${JSON.stringify(token.source)}`
	                    : token.message;
	                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
	                if (this.atDirectives || !this.doc)
	                    this.errors.push(error);
	                else
	                    this.doc.errors.push(error);
	                break;
	            }
	            case 'doc-end': {
	                if (!this.doc) {
	                    const msg = 'Unexpected doc-end without preceding document';
	                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
	                    break;
	                }
	                this.doc.directives.docEnd = true;
	                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
	                this.decorate(this.doc, true);
	                if (end.comment) {
	                    const dc = this.doc.comment;
	                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
	                }
	                this.doc.range[2] = end.offset;
	                break;
	            }
	            default:
	                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
	        }
	    }
	    /**
	     * Call at end of input to yield any remaining document.
	     *
	     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
	     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
	     */
	    *end(forceDoc = false, endOffset = -1) {
	        if (this.doc) {
	            this.decorate(this.doc, true);
	            yield this.doc;
	            this.doc = null;
	        }
	        else if (forceDoc) {
	            const opts = Object.assign({ _directives: this.directives }, this.options);
	            const doc = new Document.Document(undefined, opts);
	            if (this.atDirectives)
	                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
	            doc.range = [0, endOffset, endOffset];
	            this.decorate(doc, false);
	            yield doc;
	        }
	    }
	}

	composer.Composer = Composer;
	return composer;
}

var cst = {};

var cstScalar = {};

var hasRequiredCstScalar;

function requireCstScalar () {
	if (hasRequiredCstScalar) return cstScalar;
	hasRequiredCstScalar = 1;

	var resolveBlockScalar = requireResolveBlockScalar();
	var resolveFlowScalar = requireResolveFlowScalar();
	var errors = requireErrors();
	var stringifyString = requireStringifyString();

	function resolveAsScalar(token, strict = true, onError) {
	    if (token) {
	        const _onError = (pos, code, message) => {
	            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
	            if (onError)
	                onError(offset, code, message);
	            else
	                throw new errors.YAMLParseError([offset, offset + 1], code, message);
	        };
	        switch (token.type) {
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
	            case 'block-scalar':
	                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
	        }
	    }
	    return null;
	}
	/**
	 * Create a new scalar token with `value`
	 *
	 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	 * as this function does not support any schema operations and won't check for such conflicts.
	 *
	 * @param value The string representation of the value, which will have its content properly indented.
	 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
	 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	 * @param context.indent The indent level of the token.
	 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
	 * @param context.offset The offset position of the token.
	 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	 */
	function createScalarToken(value, context) {
	    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
	    const source = stringifyString.stringifyString({ type, value }, {
	        implicitKey,
	        indent: indent > 0 ? ' '.repeat(indent) : '',
	        inFlow,
	        options: { blockQuote: true, lineWidth: -1 }
	    });
	    const end = context.end ?? [
	        { type: 'newline', offset: -1, indent, source: '\n' }
	    ];
	    switch (source[0]) {
	        case '|':
	        case '>': {
	            const he = source.indexOf('\n');
	            const head = source.substring(0, he);
	            const body = source.substring(he + 1) + '\n';
	            const props = [
	                { type: 'block-scalar-header', offset, indent, source: head }
	            ];
	            if (!addEndtoBlockProps(props, end))
	                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
	            return { type: 'block-scalar', offset, indent, props, source: body };
	        }
	        case '"':
	            return { type: 'double-quoted-scalar', offset, indent, source, end };
	        case "'":
	            return { type: 'single-quoted-scalar', offset, indent, source, end };
	        default:
	            return { type: 'scalar', offset, indent, source, end };
	    }
	}
	/**
	 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
	 *
	 * Best efforts are made to retain any comments previously associated with the `token`,
	 * though all contents within a collection's `items` will be overwritten.
	 *
	 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	 * as this function does not support any schema operations and won't check for such conflicts.
	 *
	 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
	 * @param value The string representation of the value, which will have its content properly indented.
	 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
	 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
	 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	 */
	function setScalarValue(token, value, context = {}) {
	    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
	    let indent = 'indent' in token ? token.indent : null;
	    if (afterKey && typeof indent === 'number')
	        indent += 2;
	    if (!type)
	        switch (token.type) {
	            case 'single-quoted-scalar':
	                type = 'QUOTE_SINGLE';
	                break;
	            case 'double-quoted-scalar':
	                type = 'QUOTE_DOUBLE';
	                break;
	            case 'block-scalar': {
	                const header = token.props[0];
	                if (header.type !== 'block-scalar-header')
	                    throw new Error('Invalid block scalar header');
	                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
	                break;
	            }
	            default:
	                type = 'PLAIN';
	        }
	    const source = stringifyString.stringifyString({ type, value }, {
	        implicitKey: implicitKey || indent === null,
	        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
	        inFlow,
	        options: { blockQuote: true, lineWidth: -1 }
	    });
	    switch (source[0]) {
	        case '|':
	        case '>':
	            setBlockScalarValue(token, source);
	            break;
	        case '"':
	            setFlowScalarValue(token, source, 'double-quoted-scalar');
	            break;
	        case "'":
	            setFlowScalarValue(token, source, 'single-quoted-scalar');
	            break;
	        default:
	            setFlowScalarValue(token, source, 'scalar');
	    }
	}
	function setBlockScalarValue(token, source) {
	    const he = source.indexOf('\n');
	    const head = source.substring(0, he);
	    const body = source.substring(he + 1) + '\n';
	    if (token.type === 'block-scalar') {
	        const header = token.props[0];
	        if (header.type !== 'block-scalar-header')
	            throw new Error('Invalid block scalar header');
	        header.source = head;
	        token.source = body;
	    }
	    else {
	        const { offset } = token;
	        const indent = 'indent' in token ? token.indent : -1;
	        const props = [
	            { type: 'block-scalar-header', offset, indent, source: head }
	        ];
	        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
	            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
	        for (const key of Object.keys(token))
	            if (key !== 'type' && key !== 'offset')
	                delete token[key];
	        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
	    }
	}
	/** @returns `true` if last token is a newline */
	function addEndtoBlockProps(props, end) {
	    if (end)
	        for (const st of end)
	            switch (st.type) {
	                case 'space':
	                case 'comment':
	                    props.push(st);
	                    break;
	                case 'newline':
	                    props.push(st);
	                    return true;
	            }
	    return false;
	}
	function setFlowScalarValue(token, source, type) {
	    switch (token.type) {
	        case 'scalar':
	        case 'double-quoted-scalar':
	        case 'single-quoted-scalar':
	            token.type = type;
	            token.source = source;
	            break;
	        case 'block-scalar': {
	            const end = token.props.slice(1);
	            let oa = source.length;
	            if (token.props[0].type === 'block-scalar-header')
	                oa -= token.props[0].source.length;
	            for (const tok of end)
	                tok.offset += oa;
	            delete token.props;
	            Object.assign(token, { type, source, end });
	            break;
	        }
	        case 'block-map':
	        case 'block-seq': {
	            const offset = token.offset + source.length;
	            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
	            delete token.items;
	            Object.assign(token, { type, source, end: [nl] });
	            break;
	        }
	        default: {
	            const indent = 'indent' in token ? token.indent : -1;
	            const end = 'end' in token && Array.isArray(token.end)
	                ? token.end.filter(st => st.type === 'space' ||
	                    st.type === 'comment' ||
	                    st.type === 'newline')
	                : [];
	            for (const key of Object.keys(token))
	                if (key !== 'type' && key !== 'offset')
	                    delete token[key];
	            Object.assign(token, { type, indent, source, end });
	        }
	    }
	}

	cstScalar.createScalarToken = createScalarToken;
	cstScalar.resolveAsScalar = resolveAsScalar;
	cstScalar.setScalarValue = setScalarValue;
	return cstScalar;
}

var cstStringify = {};

var hasRequiredCstStringify;

function requireCstStringify () {
	if (hasRequiredCstStringify) return cstStringify;
	hasRequiredCstStringify = 1;

	/**
	 * Stringify a CST document, token, or collection item
	 *
	 * Fair warning: This applies no validation whatsoever, and
	 * simply concatenates the sources in their logical order.
	 */
	const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
	function stringifyToken(token) {
	    switch (token.type) {
	        case 'block-scalar': {
	            let res = '';
	            for (const tok of token.props)
	                res += stringifyToken(tok);
	            return res + token.source;
	        }
	        case 'block-map':
	        case 'block-seq': {
	            let res = '';
	            for (const item of token.items)
	                res += stringifyItem(item);
	            return res;
	        }
	        case 'flow-collection': {
	            let res = token.start.source;
	            for (const item of token.items)
	                res += stringifyItem(item);
	            for (const st of token.end)
	                res += st.source;
	            return res;
	        }
	        case 'document': {
	            let res = stringifyItem(token);
	            if (token.end)
	                for (const st of token.end)
	                    res += st.source;
	            return res;
	        }
	        default: {
	            let res = token.source;
	            if ('end' in token && token.end)
	                for (const st of token.end)
	                    res += st.source;
	            return res;
	        }
	    }
	}
	function stringifyItem({ start, key, sep, value }) {
	    let res = '';
	    for (const st of start)
	        res += st.source;
	    if (key)
	        res += stringifyToken(key);
	    if (sep)
	        for (const st of sep)
	            res += st.source;
	    if (value)
	        res += stringifyToken(value);
	    return res;
	}

	cstStringify.stringify = stringify;
	return cstStringify;
}

var cstVisit = {};

var hasRequiredCstVisit;

function requireCstVisit () {
	if (hasRequiredCstVisit) return cstVisit;
	hasRequiredCstVisit = 1;

	const BREAK = Symbol('break visit');
	const SKIP = Symbol('skip children');
	const REMOVE = Symbol('remove item');
	/**
	 * Apply a visitor to a CST document or item.
	 *
	 * Walks through the tree (depth-first) starting from the root, calling a
	 * `visitor` function with two arguments when entering each item:
	 *   - `item`: The current item, which included the following members:
	 *     - `start: SourceToken[]` – Source tokens before the key or value,
	 *       possibly including its anchor or tag.
	 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
	 *       the key before the `:` separator is empty.
	 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
	 *       which should include the `:` map value indicator if `value` is set.
	 *     - `value?: Token` – The value of a sequence item, or of a map pair.
	 *   - `path`: The steps from the root to the current node, as an array of
	 *     `['key' | 'value', number]` tuples.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this token, continue with
	 *      next sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
	 *   - `number`: Set the index of the next step. This is useful especially if
	 *     the index of the current token has changed.
	 *   - `function`: Define the next visitor for this item. After the original
	 *     visitor is called on item entry, next visitors are called after handling
	 *     a non-empty `key` and when exiting the item.
	 */
	function visit(cst, visitor) {
	    if ('type' in cst && cst.type === 'document')
	        cst = { start: cst.start, value: cst.value };
	    _visit(Object.freeze([]), cst, visitor);
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visit.BREAK = BREAK;
	/** Do not visit the children of the current item */
	visit.SKIP = SKIP;
	/** Remove the current item */
	visit.REMOVE = REMOVE;
	/** Find the item at `path` from `cst` as the root */
	visit.itemAtPath = (cst, path) => {
	    let item = cst;
	    for (const [field, index] of path) {
	        const tok = item?.[field];
	        if (tok && 'items' in tok) {
	            item = tok.items[index];
	        }
	        else
	            return undefined;
	    }
	    return item;
	};
	/**
	 * Get the immediate parent collection of the item at `path` from `cst` as the root.
	 *
	 * Throws an error if the collection is not found, which should never happen if the item itself exists.
	 */
	visit.parentCollection = (cst, path) => {
	    const parent = visit.itemAtPath(cst, path.slice(0, -1));
	    const field = path[path.length - 1][0];
	    const coll = parent?.[field];
	    if (coll && 'items' in coll)
	        return coll;
	    throw new Error('Parent collection not found');
	};
	function _visit(path, item, visitor) {
	    let ctrl = visitor(item, path);
	    if (typeof ctrl === 'symbol')
	        return ctrl;
	    for (const field of ['key', 'value']) {
	        const token = item[field];
	        if (token && 'items' in token) {
	            for (let i = 0; i < token.items.length; ++i) {
	                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    token.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	            if (typeof ctrl === 'function' && field === 'key')
	                ctrl = ctrl(item, path);
	        }
	    }
	    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
	}

	cstVisit.visit = visit;
	return cstVisit;
}

var hasRequiredCst;

function requireCst () {
	if (hasRequiredCst) return cst;
	hasRequiredCst = 1;

	var cstScalar = requireCstScalar();
	var cstStringify = requireCstStringify();
	var cstVisit = requireCstVisit();

	/** The byte order mark */
	const BOM = '\u{FEFF}';
	/** Start of doc-mode */
	const DOCUMENT = '\x02'; // C0: Start of Text
	/** Unexpected end of flow-mode */
	const FLOW_END = '\x18'; // C0: Cancel
	/** Next token is a scalar value */
	const SCALAR = '\x1f'; // C0: Unit Separator
	/** @returns `true` if `token` is a flow or block collection */
	const isCollection = (token) => !!token && 'items' in token;
	/** @returns `true` if `token` is a flow or block scalar; not an alias */
	const isScalar = (token) => !!token &&
	    (token.type === 'scalar' ||
	        token.type === 'single-quoted-scalar' ||
	        token.type === 'double-quoted-scalar' ||
	        token.type === 'block-scalar');
	/* istanbul ignore next */
	/** Get a printable representation of a lexer token */
	function prettyToken(token) {
	    switch (token) {
	        case BOM:
	            return '<BOM>';
	        case DOCUMENT:
	            return '<DOC>';
	        case FLOW_END:
	            return '<FLOW_END>';
	        case SCALAR:
	            return '<SCALAR>';
	        default:
	            return JSON.stringify(token);
	    }
	}
	/** Identify the type of a lexer token. May return `null` for unknown tokens. */
	function tokenType(source) {
	    switch (source) {
	        case BOM:
	            return 'byte-order-mark';
	        case DOCUMENT:
	            return 'doc-mode';
	        case FLOW_END:
	            return 'flow-error-end';
	        case SCALAR:
	            return 'scalar';
	        case '---':
	            return 'doc-start';
	        case '...':
	            return 'doc-end';
	        case '':
	        case '\n':
	        case '\r\n':
	            return 'newline';
	        case '-':
	            return 'seq-item-ind';
	        case '?':
	            return 'explicit-key-ind';
	        case ':':
	            return 'map-value-ind';
	        case '{':
	            return 'flow-map-start';
	        case '}':
	            return 'flow-map-end';
	        case '[':
	            return 'flow-seq-start';
	        case ']':
	            return 'flow-seq-end';
	        case ',':
	            return 'comma';
	    }
	    switch (source[0]) {
	        case ' ':
	        case '\t':
	            return 'space';
	        case '#':
	            return 'comment';
	        case '%':
	            return 'directive-line';
	        case '*':
	            return 'alias';
	        case '&':
	            return 'anchor';
	        case '!':
	            return 'tag';
	        case "'":
	            return 'single-quoted-scalar';
	        case '"':
	            return 'double-quoted-scalar';
	        case '|':
	        case '>':
	            return 'block-scalar-header';
	    }
	    return null;
	}

	cst.createScalarToken = cstScalar.createScalarToken;
	cst.resolveAsScalar = cstScalar.resolveAsScalar;
	cst.setScalarValue = cstScalar.setScalarValue;
	cst.stringify = cstStringify.stringify;
	cst.visit = cstVisit.visit;
	cst.BOM = BOM;
	cst.DOCUMENT = DOCUMENT;
	cst.FLOW_END = FLOW_END;
	cst.SCALAR = SCALAR;
	cst.isCollection = isCollection;
	cst.isScalar = isScalar;
	cst.prettyToken = prettyToken;
	cst.tokenType = tokenType;
	return cst;
}

var lexer = {};

var hasRequiredLexer;

function requireLexer () {
	if (hasRequiredLexer) return lexer;
	hasRequiredLexer = 1;

	var cst = requireCst();

	/*
	START -> stream

	stream
	  directive -> line-end -> stream
	  indent + line-end -> stream
	  [else] -> line-start

	line-end
	  comment -> line-end
	  newline -> .
	  input-end -> END

	line-start
	  doc-start -> doc
	  doc-end -> stream
	  [else] -> indent -> block-start

	block-start
	  seq-item-start -> block-start
	  explicit-key-start -> block-start
	  map-value-start -> block-start
	  [else] -> doc

	doc
	  line-end -> line-start
	  spaces -> doc
	  anchor -> doc
	  tag -> doc
	  flow-start -> flow -> doc
	  flow-end -> error -> doc
	  seq-item-start -> error -> doc
	  explicit-key-start -> error -> doc
	  map-value-start -> doc
	  alias -> doc
	  quote-start -> quoted-scalar -> doc
	  block-scalar-header -> line-end -> block-scalar(min) -> line-start
	  [else] -> plain-scalar(false, min) -> doc

	flow
	  line-end -> flow
	  spaces -> flow
	  anchor -> flow
	  tag -> flow
	  flow-start -> flow -> flow
	  flow-end -> .
	  seq-item-start -> error -> flow
	  explicit-key-start -> flow
	  map-value-start -> flow
	  alias -> flow
	  quote-start -> quoted-scalar -> flow
	  comma -> flow
	  [else] -> plain-scalar(true, 0) -> flow

	quoted-scalar
	  quote-end -> .
	  [else] -> quoted-scalar

	block-scalar(min)
	  newline + peek(indent < min) -> .
	  [else] -> block-scalar(min)

	plain-scalar(is-flow, min)
	  scalar-end(is-flow) -> .
	  peek(newline + (indent < min)) -> .
	  [else] -> plain-scalar(min)
	*/
	function isEmpty(ch) {
	    switch (ch) {
	        case undefined:
	        case ' ':
	        case '\n':
	        case '\r':
	        case '\t':
	            return true;
	        default:
	            return false;
	    }
	}
	const hexDigits = new Set('0123456789ABCDEFabcdef');
	const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
	const flowIndicatorChars = new Set(',[]{}');
	const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
	const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
	/**
	 * Splits an input string into lexical tokens, i.e. smaller strings that are
	 * easily identifiable by `tokens.tokenType()`.
	 *
	 * Lexing starts always in a "stream" context. Incomplete input may be buffered
	 * until a complete token can be emitted.
	 *
	 * In addition to slices of the original input, the following control characters
	 * may also be emitted:
	 *
	 * - `\x02` (Start of Text): A document starts with the next token
	 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
	 * - `\x1f` (Unit Separator): Next token is a scalar value
	 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
	 */
	class Lexer {
	    constructor() {
	        /**
	         * Flag indicating whether the end of the current buffer marks the end of
	         * all input
	         */
	        this.atEnd = false;
	        /**
	         * Explicit indent set in block scalar header, as an offset from the current
	         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
	         * explicitly set.
	         */
	        this.blockScalarIndent = -1;
	        /**
	         * Block scalars that include a + (keep) chomping indicator in their header
	         * include trailing empty lines, which are otherwise excluded from the
	         * scalar's contents.
	         */
	        this.blockScalarKeep = false;
	        /** Current input */
	        this.buffer = '';
	        /**
	         * Flag noting whether the map value indicator : can immediately follow this
	         * node within a flow context.
	         */
	        this.flowKey = false;
	        /** Count of surrounding flow collection levels. */
	        this.flowLevel = 0;
	        /**
	         * Minimum level of indentation required for next lines to be parsed as a
	         * part of the current scalar value.
	         */
	        this.indentNext = 0;
	        /** Indentation level of the current line. */
	        this.indentValue = 0;
	        /** Position of the next \n character. */
	        this.lineEndPos = null;
	        /** Stores the state of the lexer if reaching the end of incpomplete input */
	        this.next = null;
	        /** A pointer to `buffer`; the current position of the lexer. */
	        this.pos = 0;
	    }
	    /**
	     * Generate YAML tokens from the `source` string. If `incomplete`,
	     * a part of the last line may be left as a buffer for the next call.
	     *
	     * @returns A generator of lexical tokens
	     */
	    *lex(source, incomplete = false) {
	        if (source) {
	            if (typeof source !== 'string')
	                throw TypeError('source is not a string');
	            this.buffer = this.buffer ? this.buffer + source : source;
	            this.lineEndPos = null;
	        }
	        this.atEnd = !incomplete;
	        let next = this.next ?? 'stream';
	        while (next && (incomplete || this.hasChars(1)))
	            next = yield* this.parseNext(next);
	    }
	    atLineEnd() {
	        let i = this.pos;
	        let ch = this.buffer[i];
	        while (ch === ' ' || ch === '\t')
	            ch = this.buffer[++i];
	        if (!ch || ch === '#' || ch === '\n')
	            return true;
	        if (ch === '\r')
	            return this.buffer[i + 1] === '\n';
	        return false;
	    }
	    charAt(n) {
	        return this.buffer[this.pos + n];
	    }
	    continueScalar(offset) {
	        let ch = this.buffer[offset];
	        if (this.indentNext > 0) {
	            let indent = 0;
	            while (ch === ' ')
	                ch = this.buffer[++indent + offset];
	            if (ch === '\r') {
	                const next = this.buffer[indent + offset + 1];
	                if (next === '\n' || (!next && !this.atEnd))
	                    return offset + indent + 1;
	            }
	            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
	                ? offset + indent
	                : -1;
	        }
	        if (ch === '-' || ch === '.') {
	            const dt = this.buffer.substr(offset, 3);
	            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
	                return -1;
	        }
	        return offset;
	    }
	    getLine() {
	        let end = this.lineEndPos;
	        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
	            end = this.buffer.indexOf('\n', this.pos);
	            this.lineEndPos = end;
	        }
	        if (end === -1)
	            return this.atEnd ? this.buffer.substring(this.pos) : null;
	        if (this.buffer[end - 1] === '\r')
	            end -= 1;
	        return this.buffer.substring(this.pos, end);
	    }
	    hasChars(n) {
	        return this.pos + n <= this.buffer.length;
	    }
	    setNext(state) {
	        this.buffer = this.buffer.substring(this.pos);
	        this.pos = 0;
	        this.lineEndPos = null;
	        this.next = state;
	        return null;
	    }
	    peek(n) {
	        return this.buffer.substr(this.pos, n);
	    }
	    *parseNext(next) {
	        switch (next) {
	            case 'stream':
	                return yield* this.parseStream();
	            case 'line-start':
	                return yield* this.parseLineStart();
	            case 'block-start':
	                return yield* this.parseBlockStart();
	            case 'doc':
	                return yield* this.parseDocument();
	            case 'flow':
	                return yield* this.parseFlowCollection();
	            case 'quoted-scalar':
	                return yield* this.parseQuotedScalar();
	            case 'block-scalar':
	                return yield* this.parseBlockScalar();
	            case 'plain-scalar':
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseStream() {
	        let line = this.getLine();
	        if (line === null)
	            return this.setNext('stream');
	        if (line[0] === cst.BOM) {
	            yield* this.pushCount(1);
	            line = line.substring(1);
	        }
	        if (line[0] === '%') {
	            let dirEnd = line.length;
	            let cs = line.indexOf('#');
	            while (cs !== -1) {
	                const ch = line[cs - 1];
	                if (ch === ' ' || ch === '\t') {
	                    dirEnd = cs - 1;
	                    break;
	                }
	                else {
	                    cs = line.indexOf('#', cs + 1);
	                }
	            }
	            while (true) {
	                const ch = line[dirEnd - 1];
	                if (ch === ' ' || ch === '\t')
	                    dirEnd -= 1;
	                else
	                    break;
	            }
	            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
	            yield* this.pushCount(line.length - n); // possible comment
	            this.pushNewline();
	            return 'stream';
	        }
	        if (this.atLineEnd()) {
	            const sp = yield* this.pushSpaces(true);
	            yield* this.pushCount(line.length - sp);
	            yield* this.pushNewline();
	            return 'stream';
	        }
	        yield cst.DOCUMENT;
	        return yield* this.parseLineStart();
	    }
	    *parseLineStart() {
	        const ch = this.charAt(0);
	        if (!ch && !this.atEnd)
	            return this.setNext('line-start');
	        if (ch === '-' || ch === '.') {
	            if (!this.atEnd && !this.hasChars(4))
	                return this.setNext('line-start');
	            const s = this.peek(3);
	            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
	                yield* this.pushCount(3);
	                this.indentValue = 0;
	                this.indentNext = 0;
	                return s === '---' ? 'doc' : 'stream';
	            }
	        }
	        this.indentValue = yield* this.pushSpaces(false);
	        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
	            this.indentNext = this.indentValue;
	        return yield* this.parseBlockStart();
	    }
	    *parseBlockStart() {
	        const [ch0, ch1] = this.peek(2);
	        if (!ch1 && !this.atEnd)
	            return this.setNext('block-start');
	        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
	            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
	            this.indentNext = this.indentValue + 1;
	            this.indentValue += n;
	            return 'block-start';
	        }
	        return 'doc';
	    }
	    *parseDocument() {
	        yield* this.pushSpaces(true);
	        const line = this.getLine();
	        if (line === null)
	            return this.setNext('doc');
	        let n = yield* this.pushIndicators();
	        switch (line[n]) {
	            case '#':
	                yield* this.pushCount(line.length - n);
	            // fallthrough
	            case undefined:
	                yield* this.pushNewline();
	                return yield* this.parseLineStart();
	            case '{':
	            case '[':
	                yield* this.pushCount(1);
	                this.flowKey = false;
	                this.flowLevel = 1;
	                return 'flow';
	            case '}':
	            case ']':
	                // this is an error
	                yield* this.pushCount(1);
	                return 'doc';
	            case '*':
	                yield* this.pushUntil(isNotAnchorChar);
	                return 'doc';
	            case '"':
	            case "'":
	                return yield* this.parseQuotedScalar();
	            case '|':
	            case '>':
	                n += yield* this.parseBlockScalarHeader();
	                n += yield* this.pushSpaces(true);
	                yield* this.pushCount(line.length - n);
	                yield* this.pushNewline();
	                return yield* this.parseBlockScalar();
	            default:
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseFlowCollection() {
	        let nl, sp;
	        let indent = -1;
	        do {
	            nl = yield* this.pushNewline();
	            if (nl > 0) {
	                sp = yield* this.pushSpaces(false);
	                this.indentValue = indent = sp;
	            }
	            else {
	                sp = 0;
	            }
	            sp += yield* this.pushSpaces(true);
	        } while (nl + sp > 0);
	        const line = this.getLine();
	        if (line === null)
	            return this.setNext('flow');
	        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
	            (indent === 0 &&
	                (line.startsWith('---') || line.startsWith('...')) &&
	                isEmpty(line[3]))) {
	            // Allowing for the terminal ] or } at the same (rather than greater)
	            // indent level as the initial [ or { is technically invalid, but
	            // failing here would be surprising to users.
	            const atFlowEndMarker = indent === this.indentNext - 1 &&
	                this.flowLevel === 1 &&
	                (line[0] === ']' || line[0] === '}');
	            if (!atFlowEndMarker) {
	                // this is an error
	                this.flowLevel = 0;
	                yield cst.FLOW_END;
	                return yield* this.parseLineStart();
	            }
	        }
	        let n = 0;
	        while (line[n] === ',') {
	            n += yield* this.pushCount(1);
	            n += yield* this.pushSpaces(true);
	            this.flowKey = false;
	        }
	        n += yield* this.pushIndicators();
	        switch (line[n]) {
	            case undefined:
	                return 'flow';
	            case '#':
	                yield* this.pushCount(line.length - n);
	                return 'flow';
	            case '{':
	            case '[':
	                yield* this.pushCount(1);
	                this.flowKey = false;
	                this.flowLevel += 1;
	                return 'flow';
	            case '}':
	            case ']':
	                yield* this.pushCount(1);
	                this.flowKey = true;
	                this.flowLevel -= 1;
	                return this.flowLevel ? 'flow' : 'doc';
	            case '*':
	                yield* this.pushUntil(isNotAnchorChar);
	                return 'flow';
	            case '"':
	            case "'":
	                this.flowKey = true;
	                return yield* this.parseQuotedScalar();
	            case ':': {
	                const next = this.charAt(1);
	                if (this.flowKey || isEmpty(next) || next === ',') {
	                    this.flowKey = false;
	                    yield* this.pushCount(1);
	                    yield* this.pushSpaces(true);
	                    return 'flow';
	                }
	            }
	            // fallthrough
	            default:
	                this.flowKey = false;
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseQuotedScalar() {
	        const quote = this.charAt(0);
	        let end = this.buffer.indexOf(quote, this.pos + 1);
	        if (quote === "'") {
	            while (end !== -1 && this.buffer[end + 1] === "'")
	                end = this.buffer.indexOf("'", end + 2);
	        }
	        else {
	            // double-quote
	            while (end !== -1) {
	                let n = 0;
	                while (this.buffer[end - 1 - n] === '\\')
	                    n += 1;
	                if (n % 2 === 0)
	                    break;
	                end = this.buffer.indexOf('"', end + 1);
	            }
	        }
	        // Only looking for newlines within the quotes
	        const qb = this.buffer.substring(0, end);
	        let nl = qb.indexOf('\n', this.pos);
	        if (nl !== -1) {
	            while (nl !== -1) {
	                const cs = this.continueScalar(nl + 1);
	                if (cs === -1)
	                    break;
	                nl = qb.indexOf('\n', cs);
	            }
	            if (nl !== -1) {
	                // this is an error caused by an unexpected unindent
	                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
	            }
	        }
	        if (end === -1) {
	            if (!this.atEnd)
	                return this.setNext('quoted-scalar');
	            end = this.buffer.length;
	        }
	        yield* this.pushToIndex(end + 1, false);
	        return this.flowLevel ? 'flow' : 'doc';
	    }
	    *parseBlockScalarHeader() {
	        this.blockScalarIndent = -1;
	        this.blockScalarKeep = false;
	        let i = this.pos;
	        while (true) {
	            const ch = this.buffer[++i];
	            if (ch === '+')
	                this.blockScalarKeep = true;
	            else if (ch > '0' && ch <= '9')
	                this.blockScalarIndent = Number(ch) - 1;
	            else if (ch !== '-')
	                break;
	        }
	        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
	    }
	    *parseBlockScalar() {
	        let nl = this.pos - 1; // may be -1 if this.pos === 0
	        let indent = 0;
	        let ch;
	        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
	            switch (ch) {
	                case ' ':
	                    indent += 1;
	                    break;
	                case '\n':
	                    nl = i;
	                    indent = 0;
	                    break;
	                case '\r': {
	                    const next = this.buffer[i + 1];
	                    if (!next && !this.atEnd)
	                        return this.setNext('block-scalar');
	                    if (next === '\n')
	                        break;
	                } // fallthrough
	                default:
	                    break loop;
	            }
	        }
	        if (!ch && !this.atEnd)
	            return this.setNext('block-scalar');
	        if (indent >= this.indentNext) {
	            if (this.blockScalarIndent === -1)
	                this.indentNext = indent;
	            else {
	                this.indentNext =
	                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
	            }
	            do {
	                const cs = this.continueScalar(nl + 1);
	                if (cs === -1)
	                    break;
	                nl = this.buffer.indexOf('\n', cs);
	            } while (nl !== -1);
	            if (nl === -1) {
	                if (!this.atEnd)
	                    return this.setNext('block-scalar');
	                nl = this.buffer.length;
	            }
	        }
	        // Trailing insufficiently indented tabs are invalid.
	        // To catch that during parsing, we include them in the block scalar value.
	        let i = nl + 1;
	        ch = this.buffer[i];
	        while (ch === ' ')
	            ch = this.buffer[++i];
	        if (ch === '\t') {
	            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
	                ch = this.buffer[++i];
	            nl = i - 1;
	        }
	        else if (!this.blockScalarKeep) {
	            do {
	                let i = nl - 1;
	                let ch = this.buffer[i];
	                if (ch === '\r')
	                    ch = this.buffer[--i];
	                const lastChar = i; // Drop the line if last char not more indented
	                while (ch === ' ')
	                    ch = this.buffer[--i];
	                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
	                    nl = i;
	                else
	                    break;
	            } while (true);
	        }
	        yield cst.SCALAR;
	        yield* this.pushToIndex(nl + 1, true);
	        return yield* this.parseLineStart();
	    }
	    *parsePlainScalar() {
	        const inFlow = this.flowLevel > 0;
	        let end = this.pos - 1;
	        let i = this.pos - 1;
	        let ch;
	        while ((ch = this.buffer[++i])) {
	            if (ch === ':') {
	                const next = this.buffer[i + 1];
	                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
	                    break;
	                end = i;
	            }
	            else if (isEmpty(ch)) {
	                let next = this.buffer[i + 1];
	                if (ch === '\r') {
	                    if (next === '\n') {
	                        i += 1;
	                        ch = '\n';
	                        next = this.buffer[i + 1];
	                    }
	                    else
	                        end = i;
	                }
	                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
	                    break;
	                if (ch === '\n') {
	                    const cs = this.continueScalar(i + 1);
	                    if (cs === -1)
	                        break;
	                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
	                }
	            }
	            else {
	                if (inFlow && flowIndicatorChars.has(ch))
	                    break;
	                end = i;
	            }
	        }
	        if (!ch && !this.atEnd)
	            return this.setNext('plain-scalar');
	        yield cst.SCALAR;
	        yield* this.pushToIndex(end + 1, true);
	        return inFlow ? 'flow' : 'doc';
	    }
	    *pushCount(n) {
	        if (n > 0) {
	            yield this.buffer.substr(this.pos, n);
	            this.pos += n;
	            return n;
	        }
	        return 0;
	    }
	    *pushToIndex(i, allowEmpty) {
	        const s = this.buffer.slice(this.pos, i);
	        if (s) {
	            yield s;
	            this.pos += s.length;
	            return s.length;
	        }
	        else if (allowEmpty)
	            yield '';
	        return 0;
	    }
	    *pushIndicators() {
	        let n = 0;
	        loop: while (true) {
	            switch (this.charAt(0)) {
	                case '!':
	                    n += yield* this.pushTag();
	                    n += yield* this.pushSpaces(true);
	                    continue loop;
	                case '&':
	                    n += yield* this.pushUntil(isNotAnchorChar);
	                    n += yield* this.pushSpaces(true);
	                    continue loop;
	                case '-': // this is an error
	                case '?': // this is an error outside flow collections
	                case ':': {
	                    const inFlow = this.flowLevel > 0;
	                    const ch1 = this.charAt(1);
	                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
	                        if (!inFlow)
	                            this.indentNext = this.indentValue + 1;
	                        else if (this.flowKey)
	                            this.flowKey = false;
	                        n += yield* this.pushCount(1);
	                        n += yield* this.pushSpaces(true);
	                        continue loop;
	                    }
	                }
	            }
	            break loop;
	        }
	        return n;
	    }
	    *pushTag() {
	        if (this.charAt(1) === '<') {
	            let i = this.pos + 2;
	            let ch = this.buffer[i];
	            while (!isEmpty(ch) && ch !== '>')
	                ch = this.buffer[++i];
	            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
	        }
	        else {
	            let i = this.pos + 1;
	            let ch = this.buffer[i];
	            while (ch) {
	                if (tagChars.has(ch))
	                    ch = this.buffer[++i];
	                else if (ch === '%' &&
	                    hexDigits.has(this.buffer[i + 1]) &&
	                    hexDigits.has(this.buffer[i + 2])) {
	                    ch = this.buffer[(i += 3)];
	                }
	                else
	                    break;
	            }
	            return yield* this.pushToIndex(i, false);
	        }
	    }
	    *pushNewline() {
	        const ch = this.buffer[this.pos];
	        if (ch === '\n')
	            return yield* this.pushCount(1);
	        else if (ch === '\r' && this.charAt(1) === '\n')
	            return yield* this.pushCount(2);
	        else
	            return 0;
	    }
	    *pushSpaces(allowTabs) {
	        let i = this.pos - 1;
	        let ch;
	        do {
	            ch = this.buffer[++i];
	        } while (ch === ' ' || (allowTabs && ch === '\t'));
	        const n = i - this.pos;
	        if (n > 0) {
	            yield this.buffer.substr(this.pos, n);
	            this.pos = i;
	        }
	        return n;
	    }
	    *pushUntil(test) {
	        let i = this.pos;
	        let ch = this.buffer[i];
	        while (!test(ch))
	            ch = this.buffer[++i];
	        return yield* this.pushToIndex(i, false);
	    }
	}

	lexer.Lexer = Lexer;
	return lexer;
}

var lineCounter = {};

var hasRequiredLineCounter;

function requireLineCounter () {
	if (hasRequiredLineCounter) return lineCounter;
	hasRequiredLineCounter = 1;

	/**
	 * Tracks newlines during parsing in order to provide an efficient API for
	 * determining the one-indexed `{ line, col }` position for any offset
	 * within the input.
	 */
	class LineCounter {
	    constructor() {
	        this.lineStarts = [];
	        /**
	         * Should be called in ascending order. Otherwise, call
	         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
	         */
	        this.addNewLine = (offset) => this.lineStarts.push(offset);
	        /**
	         * Performs a binary search and returns the 1-indexed { line, col }
	         * position of `offset`. If `line === 0`, `addNewLine` has never been
	         * called or `offset` is before the first known newline.
	         */
	        this.linePos = (offset) => {
	            let low = 0;
	            let high = this.lineStarts.length;
	            while (low < high) {
	                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
	                if (this.lineStarts[mid] < offset)
	                    low = mid + 1;
	                else
	                    high = mid;
	            }
	            if (this.lineStarts[low] === offset)
	                return { line: low + 1, col: 1 };
	            if (low === 0)
	                return { line: 0, col: offset };
	            const start = this.lineStarts[low - 1];
	            return { line: low, col: offset - start + 1 };
	        };
	    }
	}

	lineCounter.LineCounter = LineCounter;
	return lineCounter;
}

var parser = {};

var hasRequiredParser;

function requireParser () {
	if (hasRequiredParser) return parser;
	hasRequiredParser = 1;

	var node_process = require$$0;
	var cst = requireCst();
	var lexer = requireLexer();

	function includesToken(list, type) {
	    for (let i = 0; i < list.length; ++i)
	        if (list[i].type === type)
	            return true;
	    return false;
	}
	function findNonEmptyIndex(list) {
	    for (let i = 0; i < list.length; ++i) {
	        switch (list[i].type) {
	            case 'space':
	            case 'comment':
	            case 'newline':
	                break;
	            default:
	                return i;
	        }
	    }
	    return -1;
	}
	function isFlowToken(token) {
	    switch (token?.type) {
	        case 'alias':
	        case 'scalar':
	        case 'single-quoted-scalar':
	        case 'double-quoted-scalar':
	        case 'flow-collection':
	            return true;
	        default:
	            return false;
	    }
	}
	function getPrevProps(parent) {
	    switch (parent.type) {
	        case 'document':
	            return parent.start;
	        case 'block-map': {
	            const it = parent.items[parent.items.length - 1];
	            return it.sep ?? it.start;
	        }
	        case 'block-seq':
	            return parent.items[parent.items.length - 1].start;
	        /* istanbul ignore next should not happen */
	        default:
	            return [];
	    }
	}
	/** Note: May modify input array */
	function getFirstKeyStartProps(prev) {
	    if (prev.length === 0)
	        return [];
	    let i = prev.length;
	    loop: while (--i >= 0) {
	        switch (prev[i].type) {
	            case 'doc-start':
	            case 'explicit-key-ind':
	            case 'map-value-ind':
	            case 'seq-item-ind':
	            case 'newline':
	                break loop;
	        }
	    }
	    while (prev[++i]?.type === 'space') {
	        /* loop */
	    }
	    return prev.splice(i, prev.length);
	}
	function arrayPushArray(target, source) {
	    // May exhaust call stack with large `source` array
	    if (source.length < 1e5)
	        Array.prototype.push.apply(target, source);
	    else
	        for (let i = 0; i < source.length; ++i)
	            target.push(source[i]);
	}
	function fixFlowSeqItems(fc) {
	    if (fc.start.type === 'flow-seq-start') {
	        for (const it of fc.items) {
	            if (it.sep &&
	                !it.value &&
	                !includesToken(it.start, 'explicit-key-ind') &&
	                !includesToken(it.sep, 'map-value-ind')) {
	                if (it.key)
	                    it.value = it.key;
	                delete it.key;
	                if (isFlowToken(it.value)) {
	                    if (it.value.end)
	                        arrayPushArray(it.value.end, it.sep);
	                    else
	                        it.value.end = it.sep;
	                }
	                else
	                    arrayPushArray(it.start, it.sep);
	                delete it.sep;
	            }
	        }
	    }
	}
	/**
	 * A YAML concrete syntax tree (CST) parser
	 *
	 * ```ts
	 * const src: string = ...
	 * for (const token of new Parser().parse(src)) {
	 *   // token: Token
	 * }
	 * ```
	 *
	 * To use the parser with a user-provided lexer:
	 *
	 * ```ts
	 * function* parse(source: string, lexer: Lexer) {
	 *   const parser = new Parser()
	 *   for (const lexeme of lexer.lex(source))
	 *     yield* parser.next(lexeme)
	 *   yield* parser.end()
	 * }
	 *
	 * const src: string = ...
	 * const lexer = new Lexer()
	 * for (const token of parse(src, lexer)) {
	 *   // token: Token
	 * }
	 * ```
	 */
	class Parser {
	    /**
	     * @param onNewLine - If defined, called separately with the start position of
	     *   each new line (in `parse()`, including the start of input).
	     */
	    constructor(onNewLine) {
	        /** If true, space and sequence indicators count as indentation */
	        this.atNewLine = true;
	        /** If true, next token is a scalar value */
	        this.atScalar = false;
	        /** Current indentation level */
	        this.indent = 0;
	        /** Current offset since the start of parsing */
	        this.offset = 0;
	        /** On the same line with a block map key */
	        this.onKeyLine = false;
	        /** Top indicates the node that's currently being built */
	        this.stack = [];
	        /** The source of the current token, set in parse() */
	        this.source = '';
	        /** The type of the current token, set in parse() */
	        this.type = '';
	        // Must be defined after `next()`
	        this.lexer = new lexer.Lexer();
	        this.onNewLine = onNewLine;
	    }
	    /**
	     * Parse `source` as a YAML stream.
	     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
	     *
	     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
	     *
	     * @returns A generator of tokens representing each directive, document, and other structure.
	     */
	    *parse(source, incomplete = false) {
	        if (this.onNewLine && this.offset === 0)
	            this.onNewLine(0);
	        for (const lexeme of this.lexer.lex(source, incomplete))
	            yield* this.next(lexeme);
	        if (!incomplete)
	            yield* this.end();
	    }
	    /**
	     * Advance the parser by the `source` of one lexical token.
	     */
	    *next(source) {
	        this.source = source;
	        if (node_process.env.LOG_TOKENS)
	            console.log('|', cst.prettyToken(source));
	        if (this.atScalar) {
	            this.atScalar = false;
	            yield* this.step();
	            this.offset += source.length;
	            return;
	        }
	        const type = cst.tokenType(source);
	        if (!type) {
	            const message = `Not a YAML token: ${source}`;
	            yield* this.pop({ type: 'error', offset: this.offset, message, source });
	            this.offset += source.length;
	        }
	        else if (type === 'scalar') {
	            this.atNewLine = false;
	            this.atScalar = true;
	            this.type = 'scalar';
	        }
	        else {
	            this.type = type;
	            yield* this.step();
	            switch (type) {
	                case 'newline':
	                    this.atNewLine = true;
	                    this.indent = 0;
	                    if (this.onNewLine)
	                        this.onNewLine(this.offset + source.length);
	                    break;
	                case 'space':
	                    if (this.atNewLine && source[0] === ' ')
	                        this.indent += source.length;
	                    break;
	                case 'explicit-key-ind':
	                case 'map-value-ind':
	                case 'seq-item-ind':
	                    if (this.atNewLine)
	                        this.indent += source.length;
	                    break;
	                case 'doc-mode':
	                case 'flow-error-end':
	                    return;
	                default:
	                    this.atNewLine = false;
	            }
	            this.offset += source.length;
	        }
	    }
	    /** Call at end of input to push out any remaining constructions */
	    *end() {
	        while (this.stack.length > 0)
	            yield* this.pop();
	    }
	    get sourceToken() {
	        const st = {
	            type: this.type,
	            offset: this.offset,
	            indent: this.indent,
	            source: this.source
	        };
	        return st;
	    }
	    *step() {
	        const top = this.peek(1);
	        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
	            while (this.stack.length > 0)
	                yield* this.pop();
	            this.stack.push({
	                type: 'doc-end',
	                offset: this.offset,
	                source: this.source
	            });
	            return;
	        }
	        if (!top)
	            return yield* this.stream();
	        switch (top.type) {
	            case 'document':
	                return yield* this.document(top);
	            case 'alias':
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return yield* this.scalar(top);
	            case 'block-scalar':
	                return yield* this.blockScalar(top);
	            case 'block-map':
	                return yield* this.blockMap(top);
	            case 'block-seq':
	                return yield* this.blockSequence(top);
	            case 'flow-collection':
	                return yield* this.flowCollection(top);
	            case 'doc-end':
	                return yield* this.documentEnd(top);
	        }
	        /* istanbul ignore next should not happen */
	        yield* this.pop();
	    }
	    peek(n) {
	        return this.stack[this.stack.length - n];
	    }
	    *pop(error) {
	        const token = error ?? this.stack.pop();
	        /* istanbul ignore if should not happen */
	        if (!token) {
	            const message = 'Tried to pop an empty stack';
	            yield { type: 'error', offset: this.offset, source: '', message };
	        }
	        else if (this.stack.length === 0) {
	            yield token;
	        }
	        else {
	            const top = this.peek(1);
	            if (token.type === 'block-scalar') {
	                // Block scalars use their parent rather than header indent
	                token.indent = 'indent' in top ? top.indent : 0;
	            }
	            else if (token.type === 'flow-collection' && top.type === 'document') {
	                // Ignore all indent for top-level flow collections
	                token.indent = 0;
	            }
	            if (token.type === 'flow-collection')
	                fixFlowSeqItems(token);
	            switch (top.type) {
	                case 'document':
	                    top.value = token;
	                    break;
	                case 'block-scalar':
	                    top.props.push(token); // error
	                    break;
	                case 'block-map': {
	                    const it = top.items[top.items.length - 1];
	                    if (it.value) {
	                        top.items.push({ start: [], key: token, sep: [] });
	                        this.onKeyLine = true;
	                        return;
	                    }
	                    else if (it.sep) {
	                        it.value = token;
	                    }
	                    else {
	                        Object.assign(it, { key: token, sep: [] });
	                        this.onKeyLine = !it.explicitKey;
	                        return;
	                    }
	                    break;
	                }
	                case 'block-seq': {
	                    const it = top.items[top.items.length - 1];
	                    if (it.value)
	                        top.items.push({ start: [], value: token });
	                    else
	                        it.value = token;
	                    break;
	                }
	                case 'flow-collection': {
	                    const it = top.items[top.items.length - 1];
	                    if (!it || it.value)
	                        top.items.push({ start: [], key: token, sep: [] });
	                    else if (it.sep)
	                        it.value = token;
	                    else
	                        Object.assign(it, { key: token, sep: [] });
	                    return;
	                }
	                /* istanbul ignore next should not happen */
	                default:
	                    yield* this.pop();
	                    yield* this.pop(token);
	            }
	            if ((top.type === 'document' ||
	                top.type === 'block-map' ||
	                top.type === 'block-seq') &&
	                (token.type === 'block-map' || token.type === 'block-seq')) {
	                const last = token.items[token.items.length - 1];
	                if (last &&
	                    !last.sep &&
	                    !last.value &&
	                    last.start.length > 0 &&
	                    findNonEmptyIndex(last.start) === -1 &&
	                    (token.indent === 0 ||
	                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
	                    if (top.type === 'document')
	                        top.end = last.start;
	                    else
	                        top.items.push({ start: last.start });
	                    token.items.splice(-1, 1);
	                }
	            }
	        }
	    }
	    *stream() {
	        switch (this.type) {
	            case 'directive-line':
	                yield { type: 'directive', offset: this.offset, source: this.source };
	                return;
	            case 'byte-order-mark':
	            case 'space':
	            case 'comment':
	            case 'newline':
	                yield this.sourceToken;
	                return;
	            case 'doc-mode':
	            case 'doc-start': {
	                const doc = {
	                    type: 'document',
	                    offset: this.offset,
	                    start: []
	                };
	                if (this.type === 'doc-start')
	                    doc.start.push(this.sourceToken);
	                this.stack.push(doc);
	                return;
	            }
	        }
	        yield {
	            type: 'error',
	            offset: this.offset,
	            message: `Unexpected ${this.type} token in YAML stream`,
	            source: this.source
	        };
	    }
	    *document(doc) {
	        if (doc.value)
	            return yield* this.lineEnd(doc);
	        switch (this.type) {
	            case 'doc-start': {
	                if (findNonEmptyIndex(doc.start) !== -1) {
	                    yield* this.pop();
	                    yield* this.step();
	                }
	                else
	                    doc.start.push(this.sourceToken);
	                return;
	            }
	            case 'anchor':
	            case 'tag':
	            case 'space':
	            case 'comment':
	            case 'newline':
	                doc.start.push(this.sourceToken);
	                return;
	        }
	        const bv = this.startBlockValue(doc);
	        if (bv)
	            this.stack.push(bv);
	        else {
	            yield {
	                type: 'error',
	                offset: this.offset,
	                message: `Unexpected ${this.type} token in YAML document`,
	                source: this.source
	            };
	        }
	    }
	    *scalar(scalar) {
	        if (this.type === 'map-value-ind') {
	            const prev = getPrevProps(this.peek(2));
	            const start = getFirstKeyStartProps(prev);
	            let sep;
	            if (scalar.end) {
	                sep = scalar.end;
	                sep.push(this.sourceToken);
	                delete scalar.end;
	            }
	            else
	                sep = [this.sourceToken];
	            const map = {
	                type: 'block-map',
	                offset: scalar.offset,
	                indent: scalar.indent,
	                items: [{ start, key: scalar, sep }]
	            };
	            this.onKeyLine = true;
	            this.stack[this.stack.length - 1] = map;
	        }
	        else
	            yield* this.lineEnd(scalar);
	    }
	    *blockScalar(scalar) {
	        switch (this.type) {
	            case 'space':
	            case 'comment':
	            case 'newline':
	                scalar.props.push(this.sourceToken);
	                return;
	            case 'scalar':
	                scalar.source = this.source;
	                // block-scalar source includes trailing newline
	                this.atNewLine = true;
	                this.indent = 0;
	                if (this.onNewLine) {
	                    let nl = this.source.indexOf('\n') + 1;
	                    while (nl !== 0) {
	                        this.onNewLine(this.offset + nl);
	                        nl = this.source.indexOf('\n', nl) + 1;
	                    }
	                }
	                yield* this.pop();
	                break;
	            /* istanbul ignore next should not happen */
	            default:
	                yield* this.pop();
	                yield* this.step();
	        }
	    }
	    *blockMap(map) {
	        const it = map.items[map.items.length - 1];
	        // it.sep is true-ish if pair already has key or : separator
	        switch (this.type) {
	            case 'newline':
	                this.onKeyLine = false;
	                if (it.value) {
	                    const end = 'end' in it.value ? it.value.end : undefined;
	                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
	                    if (last?.type === 'comment')
	                        end?.push(this.sourceToken);
	                    else
	                        map.items.push({ start: [this.sourceToken] });
	                }
	                else if (it.sep) {
	                    it.sep.push(this.sourceToken);
	                }
	                else {
	                    it.start.push(this.sourceToken);
	                }
	                return;
	            case 'space':
	            case 'comment':
	                if (it.value) {
	                    map.items.push({ start: [this.sourceToken] });
	                }
	                else if (it.sep) {
	                    it.sep.push(this.sourceToken);
	                }
	                else {
	                    if (this.atIndentedComment(it.start, map.indent)) {
	                        const prev = map.items[map.items.length - 2];
	                        const end = prev?.value?.end;
	                        if (Array.isArray(end)) {
	                            arrayPushArray(end, it.start);
	                            end.push(this.sourceToken);
	                            map.items.pop();
	                            return;
	                        }
	                    }
	                    it.start.push(this.sourceToken);
	                }
	                return;
	        }
	        if (this.indent >= map.indent) {
	            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
	            const atNextItem = atMapIndent &&
	                (it.sep || it.explicitKey) &&
	                this.type !== 'seq-item-ind';
	            // For empty nodes, assign newline-separated not indented empty tokens to following node
	            let start = [];
	            if (atNextItem && it.sep && !it.value) {
	                const nl = [];
	                for (let i = 0; i < it.sep.length; ++i) {
	                    const st = it.sep[i];
	                    switch (st.type) {
	                        case 'newline':
	                            nl.push(i);
	                            break;
	                        case 'space':
	                            break;
	                        case 'comment':
	                            if (st.indent > map.indent)
	                                nl.length = 0;
	                            break;
	                        default:
	                            nl.length = 0;
	                    }
	                }
	                if (nl.length >= 2)
	                    start = it.sep.splice(nl[1]);
	            }
	            switch (this.type) {
	                case 'anchor':
	                case 'tag':
	                    if (atNextItem || it.value) {
	                        start.push(this.sourceToken);
	                        map.items.push({ start });
	                        this.onKeyLine = true;
	                    }
	                    else if (it.sep) {
	                        it.sep.push(this.sourceToken);
	                    }
	                    else {
	                        it.start.push(this.sourceToken);
	                    }
	                    return;
	                case 'explicit-key-ind':
	                    if (!it.sep && !it.explicitKey) {
	                        it.start.push(this.sourceToken);
	                        it.explicitKey = true;
	                    }
	                    else if (atNextItem || it.value) {
	                        start.push(this.sourceToken);
	                        map.items.push({ start, explicitKey: true });
	                    }
	                    else {
	                        this.stack.push({
	                            type: 'block-map',
	                            offset: this.offset,
	                            indent: this.indent,
	                            items: [{ start: [this.sourceToken], explicitKey: true }]
	                        });
	                    }
	                    this.onKeyLine = true;
	                    return;
	                case 'map-value-ind':
	                    if (it.explicitKey) {
	                        if (!it.sep) {
	                            if (includesToken(it.start, 'newline')) {
	                                Object.assign(it, { key: null, sep: [this.sourceToken] });
	                            }
	                            else {
	                                const start = getFirstKeyStartProps(it.start);
	                                this.stack.push({
	                                    type: 'block-map',
	                                    offset: this.offset,
	                                    indent: this.indent,
	                                    items: [{ start, key: null, sep: [this.sourceToken] }]
	                                });
	                            }
	                        }
	                        else if (it.value) {
	                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
	                        }
	                        else if (includesToken(it.sep, 'map-value-ind')) {
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start, key: null, sep: [this.sourceToken] }]
	                            });
	                        }
	                        else if (isFlowToken(it.key) &&
	                            !includesToken(it.sep, 'newline')) {
	                            const start = getFirstKeyStartProps(it.start);
	                            const key = it.key;
	                            const sep = it.sep;
	                            sep.push(this.sourceToken);
	                            // @ts-expect-error type guard is wrong here
	                            delete it.key;
	                            // @ts-expect-error type guard is wrong here
	                            delete it.sep;
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start, key, sep }]
	                            });
	                        }
	                        else if (start.length > 0) {
	                            // Not actually at next item
	                            it.sep = it.sep.concat(start, this.sourceToken);
	                        }
	                        else {
	                            it.sep.push(this.sourceToken);
	                        }
	                    }
	                    else {
	                        if (!it.sep) {
	                            Object.assign(it, { key: null, sep: [this.sourceToken] });
	                        }
	                        else if (it.value || atNextItem) {
	                            map.items.push({ start, key: null, sep: [this.sourceToken] });
	                        }
	                        else if (includesToken(it.sep, 'map-value-ind')) {
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
	                            });
	                        }
	                        else {
	                            it.sep.push(this.sourceToken);
	                        }
	                    }
	                    this.onKeyLine = true;
	                    return;
	                case 'alias':
	                case 'scalar':
	                case 'single-quoted-scalar':
	                case 'double-quoted-scalar': {
	                    const fs = this.flowScalar(this.type);
	                    if (atNextItem || it.value) {
	                        map.items.push({ start, key: fs, sep: [] });
	                        this.onKeyLine = true;
	                    }
	                    else if (it.sep) {
	                        this.stack.push(fs);
	                    }
	                    else {
	                        Object.assign(it, { key: fs, sep: [] });
	                        this.onKeyLine = true;
	                    }
	                    return;
	                }
	                default: {
	                    const bv = this.startBlockValue(map);
	                    if (bv) {
	                        if (bv.type === 'block-seq') {
	                            if (!it.explicitKey &&
	                                it.sep &&
	                                !includesToken(it.sep, 'newline')) {
	                                yield* this.pop({
	                                    type: 'error',
	                                    offset: this.offset,
	                                    message: 'Unexpected block-seq-ind on same line with key',
	                                    source: this.source
	                                });
	                                return;
	                            }
	                        }
	                        else if (atMapIndent) {
	                            map.items.push({ start });
	                        }
	                        this.stack.push(bv);
	                        return;
	                    }
	                }
	            }
	        }
	        yield* this.pop();
	        yield* this.step();
	    }
	    *blockSequence(seq) {
	        const it = seq.items[seq.items.length - 1];
	        switch (this.type) {
	            case 'newline':
	                if (it.value) {
	                    const end = 'end' in it.value ? it.value.end : undefined;
	                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
	                    if (last?.type === 'comment')
	                        end?.push(this.sourceToken);
	                    else
	                        seq.items.push({ start: [this.sourceToken] });
	                }
	                else
	                    it.start.push(this.sourceToken);
	                return;
	            case 'space':
	            case 'comment':
	                if (it.value)
	                    seq.items.push({ start: [this.sourceToken] });
	                else {
	                    if (this.atIndentedComment(it.start, seq.indent)) {
	                        const prev = seq.items[seq.items.length - 2];
	                        const end = prev?.value?.end;
	                        if (Array.isArray(end)) {
	                            arrayPushArray(end, it.start);
	                            end.push(this.sourceToken);
	                            seq.items.pop();
	                            return;
	                        }
	                    }
	                    it.start.push(this.sourceToken);
	                }
	                return;
	            case 'anchor':
	            case 'tag':
	                if (it.value || this.indent <= seq.indent)
	                    break;
	                it.start.push(this.sourceToken);
	                return;
	            case 'seq-item-ind':
	                if (this.indent !== seq.indent)
	                    break;
	                if (it.value || includesToken(it.start, 'seq-item-ind'))
	                    seq.items.push({ start: [this.sourceToken] });
	                else
	                    it.start.push(this.sourceToken);
	                return;
	        }
	        if (this.indent > seq.indent) {
	            const bv = this.startBlockValue(seq);
	            if (bv) {
	                this.stack.push(bv);
	                return;
	            }
	        }
	        yield* this.pop();
	        yield* this.step();
	    }
	    *flowCollection(fc) {
	        const it = fc.items[fc.items.length - 1];
	        if (this.type === 'flow-error-end') {
	            let top;
	            do {
	                yield* this.pop();
	                top = this.peek(1);
	            } while (top?.type === 'flow-collection');
	        }
	        else if (fc.end.length === 0) {
	            switch (this.type) {
	                case 'comma':
	                case 'explicit-key-ind':
	                    if (!it || it.sep)
	                        fc.items.push({ start: [this.sourceToken] });
	                    else
	                        it.start.push(this.sourceToken);
	                    return;
	                case 'map-value-ind':
	                    if (!it || it.value)
	                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
	                    else if (it.sep)
	                        it.sep.push(this.sourceToken);
	                    else
	                        Object.assign(it, { key: null, sep: [this.sourceToken] });
	                    return;
	                case 'space':
	                case 'comment':
	                case 'newline':
	                case 'anchor':
	                case 'tag':
	                    if (!it || it.value)
	                        fc.items.push({ start: [this.sourceToken] });
	                    else if (it.sep)
	                        it.sep.push(this.sourceToken);
	                    else
	                        it.start.push(this.sourceToken);
	                    return;
	                case 'alias':
	                case 'scalar':
	                case 'single-quoted-scalar':
	                case 'double-quoted-scalar': {
	                    const fs = this.flowScalar(this.type);
	                    if (!it || it.value)
	                        fc.items.push({ start: [], key: fs, sep: [] });
	                    else if (it.sep)
	                        this.stack.push(fs);
	                    else
	                        Object.assign(it, { key: fs, sep: [] });
	                    return;
	                }
	                case 'flow-map-end':
	                case 'flow-seq-end':
	                    fc.end.push(this.sourceToken);
	                    return;
	            }
	            const bv = this.startBlockValue(fc);
	            /* istanbul ignore else should not happen */
	            if (bv)
	                this.stack.push(bv);
	            else {
	                yield* this.pop();
	                yield* this.step();
	            }
	        }
	        else {
	            const parent = this.peek(2);
	            if (parent.type === 'block-map' &&
	                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
	                    (this.type === 'newline' &&
	                        !parent.items[parent.items.length - 1].sep))) {
	                yield* this.pop();
	                yield* this.step();
	            }
	            else if (this.type === 'map-value-ind' &&
	                parent.type !== 'flow-collection') {
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                fixFlowSeqItems(fc);
	                const sep = fc.end.splice(1, fc.end.length);
	                sep.push(this.sourceToken);
	                const map = {
	                    type: 'block-map',
	                    offset: fc.offset,
	                    indent: fc.indent,
	                    items: [{ start, key: fc, sep }]
	                };
	                this.onKeyLine = true;
	                this.stack[this.stack.length - 1] = map;
	            }
	            else {
	                yield* this.lineEnd(fc);
	            }
	        }
	    }
	    flowScalar(type) {
	        if (this.onNewLine) {
	            let nl = this.source.indexOf('\n') + 1;
	            while (nl !== 0) {
	                this.onNewLine(this.offset + nl);
	                nl = this.source.indexOf('\n', nl) + 1;
	            }
	        }
	        return {
	            type,
	            offset: this.offset,
	            indent: this.indent,
	            source: this.source
	        };
	    }
	    startBlockValue(parent) {
	        switch (this.type) {
	            case 'alias':
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return this.flowScalar(this.type);
	            case 'block-scalar-header':
	                return {
	                    type: 'block-scalar',
	                    offset: this.offset,
	                    indent: this.indent,
	                    props: [this.sourceToken],
	                    source: ''
	                };
	            case 'flow-map-start':
	            case 'flow-seq-start':
	                return {
	                    type: 'flow-collection',
	                    offset: this.offset,
	                    indent: this.indent,
	                    start: this.sourceToken,
	                    items: [],
	                    end: []
	                };
	            case 'seq-item-ind':
	                return {
	                    type: 'block-seq',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start: [this.sourceToken] }]
	                };
	            case 'explicit-key-ind': {
	                this.onKeyLine = true;
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                start.push(this.sourceToken);
	                return {
	                    type: 'block-map',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start, explicitKey: true }]
	                };
	            }
	            case 'map-value-ind': {
	                this.onKeyLine = true;
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                return {
	                    type: 'block-map',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start, key: null, sep: [this.sourceToken] }]
	                };
	            }
	        }
	        return null;
	    }
	    atIndentedComment(start, indent) {
	        if (this.type !== 'comment')
	            return false;
	        if (this.indent <= indent)
	            return false;
	        return start.every(st => st.type === 'newline' || st.type === 'space');
	    }
	    *documentEnd(docEnd) {
	        if (this.type !== 'doc-mode') {
	            if (docEnd.end)
	                docEnd.end.push(this.sourceToken);
	            else
	                docEnd.end = [this.sourceToken];
	            if (this.type === 'newline')
	                yield* this.pop();
	        }
	    }
	    *lineEnd(token) {
	        switch (this.type) {
	            case 'comma':
	            case 'doc-start':
	            case 'doc-end':
	            case 'flow-seq-end':
	            case 'flow-map-end':
	            case 'map-value-ind':
	                yield* this.pop();
	                yield* this.step();
	                break;
	            case 'newline':
	                this.onKeyLine = false;
	            // fallthrough
	            case 'space':
	            case 'comment':
	            default:
	                // all other values are errors
	                if (token.end)
	                    token.end.push(this.sourceToken);
	                else
	                    token.end = [this.sourceToken];
	                if (this.type === 'newline')
	                    yield* this.pop();
	        }
	    }
	}

	parser.Parser = Parser;
	return parser;
}

var publicApi = {};

var hasRequiredPublicApi;

function requirePublicApi () {
	if (hasRequiredPublicApi) return publicApi;
	hasRequiredPublicApi = 1;

	var composer = requireComposer();
	var Document = requireDocument();
	var errors = requireErrors();
	var log = requireLog();
	var identity = requireIdentity();
	var lineCounter = requireLineCounter();
	var parser = requireParser();

	function parseOptions(options) {
	    const prettyErrors = options.prettyErrors !== false;
	    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
	    return { lineCounter: lineCounter$1, prettyErrors };
	}
	/**
	 * Parse the input as a stream of YAML documents.
	 *
	 * Documents should be separated from each other by `...` or `---` marker lines.
	 *
	 * @returns If an empty `docs` array is returned, it will be of type
	 *   EmptyStream and contain additional stream information. In
	 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
	 */
	function parseAllDocuments(source, options = {}) {
	    const { lineCounter, prettyErrors } = parseOptions(options);
	    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
	    const composer$1 = new composer.Composer(options);
	    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
	    if (prettyErrors && lineCounter)
	        for (const doc of docs) {
	            doc.errors.forEach(errors.prettifyError(source, lineCounter));
	            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
	        }
	    if (docs.length > 0)
	        return docs;
	    return Object.assign([], { empty: true }, composer$1.streamInfo());
	}
	/** Parse an input string into a single YAML.Document */
	function parseDocument(source, options = {}) {
	    const { lineCounter, prettyErrors } = parseOptions(options);
	    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
	    const composer$1 = new composer.Composer(options);
	    // `doc` is always set by compose.end(true) at the very latest
	    let doc = null;
	    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
	        if (!doc)
	            doc = _doc;
	        else if (doc.options.logLevel !== 'silent') {
	            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
	            break;
	        }
	    }
	    if (prettyErrors && lineCounter) {
	        doc.errors.forEach(errors.prettifyError(source, lineCounter));
	        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
	    }
	    return doc;
	}
	function parse(src, reviver, options) {
	    let _reviver = undefined;
	    if (typeof reviver === 'function') {
	        _reviver = reviver;
	    }
	    else if (options === undefined && reviver && typeof reviver === 'object') {
	        options = reviver;
	    }
	    const doc = parseDocument(src, options);
	    if (!doc)
	        return null;
	    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
	    if (doc.errors.length > 0) {
	        if (doc.options.logLevel !== 'silent')
	            throw doc.errors[0];
	        else
	            doc.errors = [];
	    }
	    return doc.toJS(Object.assign({ reviver: _reviver }, options));
	}
	function stringify(value, replacer, options) {
	    let _replacer = null;
	    if (typeof replacer === 'function' || Array.isArray(replacer)) {
	        _replacer = replacer;
	    }
	    else if (options === undefined && replacer) {
	        options = replacer;
	    }
	    if (typeof options === 'string')
	        options = options.length;
	    if (typeof options === 'number') {
	        const indent = Math.round(options);
	        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
	    }
	    if (value === undefined) {
	        const { keepUndefined } = options ?? replacer ?? {};
	        if (!keepUndefined)
	            return undefined;
	    }
	    if (identity.isDocument(value) && !_replacer)
	        return value.toString(options);
	    return new Document.Document(value, _replacer, options).toString(options);
	}

	publicApi.parse = parse;
	publicApi.parseAllDocuments = parseAllDocuments;
	publicApi.parseDocument = parseDocument;
	publicApi.stringify = stringify;
	return publicApi;
}

var hasRequiredDist;

function requireDist () {
	if (hasRequiredDist) return dist;
	hasRequiredDist = 1;

	var composer = requireComposer();
	var Document = requireDocument();
	var Schema = requireSchema();
	var errors = requireErrors();
	var Alias = requireAlias();
	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var cst = requireCst();
	var lexer = requireLexer();
	var lineCounter = requireLineCounter();
	var parser = requireParser();
	var publicApi = requirePublicApi();
	var visit = requireVisit();



	dist.Composer = composer.Composer;
	dist.Document = Document.Document;
	dist.Schema = Schema.Schema;
	dist.YAMLError = errors.YAMLError;
	dist.YAMLParseError = errors.YAMLParseError;
	dist.YAMLWarning = errors.YAMLWarning;
	dist.Alias = Alias.Alias;
	dist.isAlias = identity.isAlias;
	dist.isCollection = identity.isCollection;
	dist.isDocument = identity.isDocument;
	dist.isMap = identity.isMap;
	dist.isNode = identity.isNode;
	dist.isPair = identity.isPair;
	dist.isScalar = identity.isScalar;
	dist.isSeq = identity.isSeq;
	dist.Pair = Pair.Pair;
	dist.Scalar = Scalar.Scalar;
	dist.YAMLMap = YAMLMap.YAMLMap;
	dist.YAMLSeq = YAMLSeq.YAMLSeq;
	dist.CST = cst;
	dist.Lexer = lexer.Lexer;
	dist.LineCounter = lineCounter.LineCounter;
	dist.Parser = parser.Parser;
	dist.parse = publicApi.parse;
	dist.parseAllDocuments = publicApi.parseAllDocuments;
	dist.parseDocument = publicApi.parseDocument;
	dist.stringify = publicApi.stringify;
	dist.visit = visit.visit;
	dist.visitAsync = visit.visitAsync;
	return dist;
}

var distExports = requireDist();

function getEnumValues(entries) {
    const numericValues = Object.values(entries).filter((v) => typeof v === "number");
    const values = Object.entries(entries)
        .filter(([k, _]) => numericValues.indexOf(+k) === -1)
        .map(([_, v]) => v);
    return values;
}
function joinValues(array, separator = "|") {
    return array.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
    if (typeof value === "bigint")
        return value.toString();
    return value;
}
// the accessor lives on a shared prototype: an own accessor makes every box a dictionary-mode object (~360 B and a slow load per read against ~100 B and an inlined getter here)
class Cached {
    constructor(getter) {
        this._getter = getter;
        this._value = undefined;
    }
    get value() {
        const getter = this._getter;
        if (getter !== undefined) {
            this._value = getter();
            this._getter = undefined;
        }
        return this._value;
    }
}
function cached(getter) {
    return new Cached(getter);
}
function nullish(input) {
    return input === null || input === undefined;
}
function cleanRegex(source) {
    const start = source.startsWith("^") ? 1 : 0;
    const end = source.endsWith("$") ? source.length - 1 : source.length;
    return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
    const ratio = val / step;
    const roundedRatio = Math.round(ratio);
    // `val` and `step` each round to a double before the division rounds again, so a true decimal multiple's quotient can sit up to 1.5 of these scaled epsilons from the integer. A 1x tolerance therefore rejected 2.03 as a multiple of 0.07; 4x covers the worst case with margin.
    const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
    if (Math.abs(ratio - roundedRatio) < tolerance)
        return 0;
    return ratio - roundedRatio;
}
function assignProp(target, prop, value) {
    Object.defineProperty(target, prop, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
    });
}
/**
 * Whichever object a def's `shape` currently answers from: the one the caller passed until the first read, the frozen copy after it.
 *
 * Its keys and descriptors read without invoking anything, which is what lets a discriminated union check its discriminator, and the cycle walk read a shape, without resolving a getter that references the schema being constructed. A def that answers `shape` from an accessor of its own has none.
 */
function rawShape(def) {
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    return desc?.get ? desc.get.raw : desc?.value;
}
// where a builder reads its source's keys and descriptors, resolving only a shape a def answers for itself. A shape resolves by object spread, so only its enumerable keys are ever part of it.
function sourceShape(schema) {
    return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
// a key whose value is not settled yet, self-caching so every read after the first gets the same one
function deferProp(target, key, getter) {
    Object.defineProperty(target, key, {
        get() {
            const value = getter();
            assignProp(this, key, value);
            return value;
        },
        enumerable: true,
        configurable: true,
    });
}
// Writes a settled key. A plain assignment is much cheaper than `defineProperty` and produces the same descriptor, but it runs whatever setter already answers to the key — an accessor this shape deferred, or an inherited one, which `__proto__` has on every object and prototype pollution can add for any name.
function putProp(target, key, value) {
    if (key in target)
        assignProp(target, key, value);
    else
        target[key] = value;
}
/**
 * Copies `keys` of `source`'s shape onto `target`, each value passed through `wrap`.
 *
 * A key the source has resolved is copied through now, so the derived shape states it outright and nothing has to resolve it to learn what it holds. A key the source still defers stays deferred, and reads back through the source's own `shape`, so it resolves once and both shapes get that one schema.
 */
function mirrorShape(target, source, keys, wrap) {
    const raw = sourceShape(source);
    for (const key of keys) {
        const desc = Object.getOwnPropertyDescriptor(raw, key);
        if (!desc.enumerable)
            continue;
        if (desc.get) {
            deferProp(target, key, () => {
                const value = source._zod.def.shape[key];
                return wrap ? wrap(value, key) : value;
            });
        }
        else
            putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
    }
}
// same, for a plain shape a caller passed rather than a schema's
function mirrorProps(target, source) {
    for (const key of Reflect.ownKeys(source)) {
        const desc = Object.getOwnPropertyDescriptor(source, key);
        if (!desc.enumerable)
            continue;
        if (desc.get)
            deferProp(target, key, () => source[key]);
        else
            putProp(target, key, desc.value);
    }
}
function mergeDefs(...defs) {
    const mergedDescriptors = {};
    for (const def of defs) {
        const descriptors = Object.getOwnPropertyDescriptors(def);
        Object.assign(mergedDescriptors, descriptors);
    }
    return Object.defineProperties({}, mergedDescriptors);
}
function esc(str) {
    return JSON.stringify(str);
}
function slugify(input) {
    return input
        .toLowerCase()
        .trim()
        .replace(/[^\w\s-]/g, "")
        .replace(/[\s_-]+/g, "-")
        .replace(/^-+|-+$/g, "");
}
const captureStackTrace = ("captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => { });
function isObject(data) {
    return typeof data === "object" && data !== null && !Array.isArray(data);
}
const allowsEval = /* @__PURE__*/ cached(() => {
    // Skip the probe under `jitless`: strict CSPs report the caught `new Function` as a `securitypolicyviolation` even though the throw is swallowed.
    if (globalConfig.jitless) {
        return false;
    }
    // @ts-ignore
    if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) {
        return false;
    }
    try {
        const F = Function;
        new F("");
        return true;
    }
    catch (_) {
        return false;
    }
});
function isPlainObject(o) {
    if (isObject(o) === false)
        return false;
    // modified constructor
    const ctor = o.constructor;
    if (ctor === undefined)
        return true;
    if (typeof ctor !== "function")
        return true;
    // modified prototype
    const prot = ctor.prototype;
    if (isObject(prot) === false)
        return false;
    // ctor doesn't have static `isPrototypeOf`
    if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
        return false;
    }
    return true;
}
function shallowClone(o) {
    if (isPlainObject(o))
        return { ...o };
    if (Array.isArray(o))
        return [...o];
    if (o instanceof Map)
        return new Map(o);
    if (o instanceof Set)
        return new Set(o);
    return o;
}
const propertyKeyTypes = /* @__PURE__*/ new Set(["string", "number", "symbol"]);
function escapeRegex(str) {
    return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
// zod-specific utils
function clone(inst, def, params) {
    const cl = new inst._zod.constr(def ?? inst._zod.def);
    if (!def || params?.parent)
        cl._zod.parent = inst;
    return cl;
}
function normalizeParams(_params) {
    const params = _params;
    if (!params)
        return {};
    if (typeof params === "string")
        return { error: () => params };
    if (params?.message !== undefined) {
        if (params?.error !== undefined)
            throw new Error("Cannot specify both `message` and `error` params");
        params.error = params.message;
    }
    delete params.message;
    if (typeof params.error === "string")
        return { ...params, error: () => params.error };
    return params;
}
function stringifyPrimitive(value) {
    if (typeof value === "bigint")
        return value.toString() + "n";
    if (typeof value === "string")
        return `"${value}"`;
    return `${value}`;
}
function optionalKeys(shape) {
    return Object.keys(shape).filter((k) => {
        return shape[k]._zod.optin !== undefined && shape[k]._zod.optout === "optional";
    });
}

const NUMBER_FORMAT_RANGES = /*@__PURE__*/ (() => ({
    safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    int32: [-2147483648, 2147483647],
    uint32: [0, 4294967295],
    float32: [-34028234663852886e22, 3.4028234663852886e38],
    float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
}))();
const BIGINT_FORMAT_RANGES = {
    int64: [/* @__PURE__*/ BigInt("-9223372036854775808"), /* @__PURE__*/ BigInt("9223372036854775807")],
    uint64: [/* @__PURE__*/ BigInt(0), /* @__PURE__*/ BigInt("18446744073709551615")],
};
function pick(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".pick() cannot be used on object schemas containing refinements");
    }
    const newShape = {};
    mirrorShape(newShape, schema, maskedKeys(schema, mask));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
// the mask keys that select something, checked against the source's shape without resolving it
function maskedKeys(schema, mask) {
    const raw = sourceShape(schema);
    const keys = [];
    // `for...in` skips symbols, so a symbol in the mask would select nothing
    for (const key of Reflect.ownKeys(mask)) {
        if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) {
            throw new Error(`Unrecognized key: "${String(key)}"`);
        }
        if (mask[key])
            keys.push(key);
    }
    return keys;
}
function omit(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".omit() cannot be used on object schemas containing refinements");
    }
    const omitted = new Set(maskedKeys(schema, mask));
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function extend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to extend: expected a plain object");
    }
    const checks = schema._zod.def.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        // Only throw if new shape overlaps with existing shape. Use getOwnPropertyDescriptor to check key existence without accessing values
        const existingShape = sourceShape(schema);
        for (const key of Reflect.ownKeys(shape)) {
            if (Object.getOwnPropertyDescriptor(existingShape, key) !== undefined) {
                throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
            }
        }
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
// the source's keys, then the caller's overlaid on top
function extended(schema, shape) {
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
    mirrorProps(newShape, shape);
    return newShape;
}
function safeExtend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to safeExtend: expected a plain object");
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
    if (!b?._zod?.def) {
        throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
    }
    if (a._zod.def.checks?.length) {
        throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
    }
    const newShape = {};
    mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
    mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
    const def = mergeDefs(a._zod.def, {
        shape: newShape,
        get catchall() {
            return b._zod.def.catchall;
        },
        checks: b._zod.def.checks ?? [],
    });
    return clone(a, def);
}
function partial(Class, schema, mask, name = "partial") {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
    }
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class &&
        ((value, key) => (selected && !selected.has(key) ? value : new Class({ type: "optional", innerType: value }))));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
}
function required(Class, schema, mask) {
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => 
    // overwrite with non-optional
    selected && !selected.has(key) ? value : new Class({ type: "nonoptional", innerType: value }));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
// invalid_type | too_big | too_small | invalid_format | not_multiple_of | unrecognized_keys | invalid_union | invalid_key | invalid_element | invalid_value | custom
function aborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue !== true) {
            return true;
        }
    }
    return false;
}
// Checks for explicit abort (continue === false), as opposed to implicit abort (continue === undefined). Used to respect `abort: true` in .refine() even for checks that have a `when` function.
function explicitlyAborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue === false) {
            return true;
        }
    }
    return false;
}
function prefixIssues(path, issues) {
    return issues.map((iss) => {
        var _a;
        (_a = iss).path ?? (_a.path = []);
        iss.path.unshift(path);
        return iss;
    });
}
function unwrapMessage(message) {
    return typeof message === "string" ? message : message?.message;
}
/* A check holds no link back to the schema it is attached to — the same check instance is shared by every clone of that schema — so the owner is stamped onto the issues a check just raised, at the only point where both are in scope. Runs on the failure path only; `start` is the issue count from before the check ran. */
/** The leading size checks of `defChecks` that set an upper bound, each paired with it. */
function sizeCaps(defChecks) {
    const caps = [];
    for (const ch of defChecks ?? []) {
        const d = ch._zod.def;
        // a later check may rewrite the value
        if (!/_(length|size)$|_equals$/.test(d.check))
            break;
        const max = d.maximum ?? d.length ?? d.size;
        if (max >= 0)
            caps.push([max, ch]);
    }
    return caps;
}
function attachSchema(issues, start, inst) {
    var _a;
    for (let i = start; i < issues.length; i++) {
        (_a = issues[i]).schema ?? (_a.schema = inst);
    }
}
function finalizeIssue(iss, ctx, config) {
    var _a;
    // A schema that raised an issue itself owns it outright, and outranks any stamp an enclosing check left in `attachSchema`. String formats and z.custom() are schema and check at once, so when they act as a check they defer to that stamp instead.
    const traits = iss.inst?._zod?.traits;
    if (traits?.has("$ZodType")) {
        if (traits.has("$ZodCheck"))
            (_a = iss).schema ?? (_a.schema = iss.inst);
        else
            iss.schema = iss.inst;
    }
    // Decreasing specificity, first map to return a message wins. `inst` is whatever raised the issue, so a check's own map outranks the owning schema's.
    const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : undefined;
    const message = iss.message
        ? iss.message
        : (unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ??
            unwrapMessage(schemaError?.(iss)) ??
            unwrapMessage(ctx?.error?.(iss)) ??
            unwrapMessage(config.customError?.(iss)) ??
            unwrapMessage(config.localeError?.(iss)) ??
            "Invalid input");
    // an explicit own-key copy beats object rest with excluded keys, which v8 routes through a generic runtime call; Object.keys rather than for-in so an issue pushed with a prototype does not leak inherited keys, and an own __proto__ key is dropped rather than assigned through the setter
    const full = {};
    for (const k of Object.keys(iss)) {
        if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
            continue;
        full[k] = iss[k];
    }
    full.path ?? (full.path = []);
    full.message = message;
    if (ctx?.reportInput) {
        full.input = iss.input;
    }
    return full;
}
const highSurrogate = /[\uD800-\uDBFF]/;
// Code points in `str`: a surrogate pair counts once, a lone surrogate as itself. Hand-rolled because the string iterator allocates and runs ~250x slower on this path; the regex probe exits ~50x quicker for a string with no astral characters.
function codePointLength(str) {
    const units = str.length;
    if (!highSurrogate.test(str))
        return units;
    let count = units;
    for (let i = 0; i < units - 1; i++) {
        if ((str.charCodeAt(i) & 0xfc00) === 0xd800 && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            count--;
            i++;
        }
    }
    return count;
}
function getLengthableOrigin(input) {
    if (Array.isArray(input))
        return "array";
    if (typeof input === "string")
        return "string";
    return "unknown";
}
function parsedType(data) {
    const t = typeof data;
    switch (t) {
        case "number": {
            return Number.isNaN(data) ? "nan" : "number";
        }
        case "object": {
            if (data === null) {
                return "null";
            }
            if (Array.isArray(data)) {
                return "array";
            }
            const obj = data;
            if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
                return obj.constructor.name;
            }
        }
    }
    return t;
}
function issue(...args) {
    const [iss, input, inst] = args;
    if (typeof iss === "string") {
        return {
            message: iss,
            code: "custom",
            input,
            inst,
        };
    }
    return { ...iss };
}
//////////    PROTOTYPE INSTALLERS     //////////
//
// Members live on the prototype and materialize per instance on first read, which keeps own-property count under the step where V8 stops using inline slots. Changing anything here means re-measuring runtime, memory and bundle size together — see "The three axes" in AGENTS.md.
/**
 * Installs a trait's members on its prototype. Each value builds that member for the instance on first read; the built value shadows the accessor as an own property, so a detached `const { parse } = schema` keeps working.
 *
 * Call this from a `proto` initializer, which runs once per prototype — never per instance.
 */
function members(proto, table) {
    for (const key in table) {
        const desc = Object.getOwnPropertyDescriptor(table, key);
        // a getter installs as written, so it stays live: `description` reads through to the registry on every access. not enumerable: an object literal's is, and a prototype member never was
        if (desc.get)
            Object.defineProperty(proto, key, { ...desc, enumerable: false });
        // a method materializes bound on first read, which is what keeps a detached member working: `const opt = schema.optional; opt()`
        else
            defineBound(proto, key, desc.value);
    }
}
/** Shadows a prototype member with an own value, so a getter that builds from the instance runs once. */
function own(inst, key, value, enumerable = true) {
    Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
    return value;
}
/** Like {@link own}, for a member that was never an own data property and has to stay out of `Object.keys`. */
function hide(inst, key, value) {
    return own(inst, key, value, false);
}
/** Adds members a table derives from the instance: each builds on first read and shadows as own data, and assignment shadows the same way, as when these were own properties. */
function derived(computes, table) {
    for (const key in computes) {
        const compute = computes[key];
        // an object literal's accessor is configurable and enumerable, and `members` copies the descriptor as written
        Object.defineProperty(table, key, {
            configurable: true,
            enumerable: true,
            get() {
                return own(this, key, compute(this));
            },
            set(value) {
                own(this, key, value);
            },
        });
    }
    return table;
}
function defineBound(proto, key, fn) {
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // vitest's spyOn calls a prototype getter bare to find the function it wraps, so a nullish receiver answers the raw method
            return this == null ? fn : own(this, key, fn.bind(this));
        },
        set(value) {
            own(this, key, value);
        },
    });
}
/** Returns the prototype to install on, or `undefined` if this group is already installed on it. */
function claim(inst, sentinel) {
    const proto = Object.getPrototypeOf(inst);
    // Runs on every construction, so `in` rather than the costlier `hasOwnProperty.call`. Sentinels are keys the group itself defines.
    return sentinel in proto ? undefined : proto;
}
// The internals whose init chain is installing. A second call for the same one is a derived constructor overriding its base, so it must not construct another schema in between or the override is dropped.
let installing;
// Set while a getter is running, so a value that resolved through a recursion break is not memoized. One shared descriptor shadows the key for the duration, which costs no per-key allocation.
let broke = false;
const breaker = {
    configurable: true,
    get() {
        broke = true;
        return undefined;
    },
};
/**
 * Installs a lazily-derived internal on the `_zod` prototype of `inst`'s
 * constructor, computed from the internals object itself and cached there on
 * first read. One accessor per constructor rather than one per instance.
 */
function defineLazyInternal(inst, key, compute) {
    const proto = Object.getPrototypeOf(inst._zod);
    if (key in proto && installing !== inst._zod) {
        // A repeat construction: everything is installed already. Cleared here so the reference is not held past the first construction of every type.
        installing = undefined;
        return;
    }
    installing = inst._zod;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing so a re-entrant read from a recursive schema resolves to undefined instead of running the getter again.
            Object.defineProperty(this, key, breaker);
            const outer = broke;
            broke = false;
            try {
                const value = compute(this);
                // A result that resolved through a recursion break is recomputed once the graph is complete; everything else memoizes, undefined included.
                if (broke)
                    delete this[key];
                else
                    Object.defineProperty(this, key, { configurable: true, writable: true, value });
                broke = broke || outer;
                return value;
            }
            catch (err) {
                // A compute that threw memoizes nothing, so a later read runs it again and fails the same way. The shadow goes with it, since leaving it installed would answer undefined for every later read.
                delete this[key];
                broke = broke || outer;
                throw err;
            }
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, value });
        },
    });
}
/**
 * Installs `key` on `inst`'s prototype, computed by `make` on first read and cached there as an own
 * data property. One accessor per constructor rather than one per instance, because an own accessor
 * puts every instance after the first into v8 dictionary mode. The key doubles as the sentinel.
 */
function installLazyProp(inst, key, make, enumerable) {
    const proto = claim(inst, key);
    if (!proto)
        return;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing, so a re-entrant read from a self-referential shape resolves to undefined instead of running the getter again. A data property rather than an accessor: an own accessor is the dictionary-mode transition this exists to avoid.
            const desc = { configurable: true, writable: true, enumerable, value: undefined };
            Object.defineProperty(this, key, desc);
            // a compute that throws leaves the shadow behind, so later reads answer undefined instead of re-throwing; `defineLazy` did the same, and `defineLazyInternal`'s delete-on-catch would cost bytes in every bundle for a case only a throwing user getter reaches
            desc.value = make(this);
            Object.defineProperty(this, key, desc);
            return desc.value;
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
        },
    });
}
/** Marks the thunk `_catch` synthesises for a constant catch value. `Function.length` cannot tell that thunk from a user callback — rest and defaulted parameters both report arity 0 — and a user callback reads `ctx.error`, whose issues only finalize correctly against the caller's per-parse error map. Provenance can say what arity cannot. A plain string key rather than `Symbol.for`, whose call at module scope no bundler can prove pure — the same shape that anchored `urlCanParse` into every build. */
const CONSTANT_CATCH = "~constantCatch";
/** Wraps a constant catch value in a thunk tagged with {@link CONSTANT_CATCH}. */
function constantCatch(value) {
    const fn = () => value;
    fn[CONSTANT_CATCH] = true;
    return fn;
}

var _a$1;
/** A special constant with type `never` */
const NEVER = /*@__PURE__*/ Object.freeze({
    status: "aborted",
});
/* Shared descriptor for installing `_zod`; defineProperty reads it
 * synchronously, so reusing one object avoids a per-instance allocation. */
const _zodDesc = { value: undefined, enumerable: false };
// null where suppressing the capture would be unrecoverable: `parse()` puts the frames back with `captureStackTrace`, so without it the throw would lose its stack. also latched to null once `stackTraceLimit` proves unassignable, which a realm can do at any point by hardening Error
let _E = "captureStackTrace" in Error ? Error : null;
// v8 captures a stack trace inside the Error constructor, which dominates a failed parse; costs only the frames, and parse() restores those. the constructor must RUN: Object.create is cheaper and passes instanceof, but Error.isError and util.types.isNativeError check an internal slot
function newError(Definition) {
    const E = _E;
    if (E) {
        const saved = E.stackTraceLimit;
        if (typeof saved === "number") {
            try {
                E.stackTraceLimit = 0;
            }
            catch {
                _E = null;
                return new Definition();
            }
            try {
                return new Definition();
            }
            finally {
                E.stackTraceLimit = saved;
            }
        }
    }
    return new Definition();
}
function $constructor(name, initializer, 
/** This trait's members, installed once on every prototype that composes it. They cannot be declared in the initializer above: that runs per instance, and the prototype is shared. */
proto, params) {
    // Prototype for this constructor's `_zod` internals. Lazily-derived fields (`values`, `pattern`, `optin`, …) install here once rather than as an accessor on every instance.
    const zodProto = {};
    // Assigning the fields in the constructor body is what gives instances in-object slots; building the object literally and reparenting it costs a second allocation and a generic property copy.
    function Internals(def) {
        this.def = def;
        this.constr = _;
        this.traits = new Set();
    }
    Internals.prototype = zodProto;
    const protoMembers = proto;
    // One trait's members land on every prototype whose chain composes it, so the answer is per prototype rather than per trait.
    const initialized = protoMembers && new WeakSet();
    function init(inst, def) {
        if (!inst._zod) {
            _zodDesc.value = new Internals(def);
            try {
                Object.defineProperty(inst, "_zod", _zodDesc);
            }
            finally {
                // Cleared even on throw, so the shared descriptor never leaks one instance's internals into the next.
                _zodDesc.value = undefined;
            }
        }
        else if (inst._zod.traits.has(name)) {
            return;
        }
        inst._zod.traits.add(name);
        initializer(inst, def);
        if (initialized) {
            // `super(def)` from a user subclass gives `this` a prototype the subclass owns, and installing there would overwrite whatever the subclass declared. `constr` built the instance, so its prototype is the one below the subclass's that should carry the members. A receiver whose chain never reaches that prototype installs on its own, which for a plain object handed straight to `init` means `Object.prototype` — unchanged from before.
            const own = Object.getPrototypeOf(inst);
            const ctorProto = inst._zod.constr.prototype;
            let up = own;
            while (up && up !== ctorProto)
                up = Object.getPrototypeOf(up);
            const target = up ?? own;
            if (!initialized.has(target)) {
                initialized.add(target);
                members(target, protoMembers);
            }
        }
        // support prototype modifications; for-in avoids the array allocation of Object.keys on the (usually empty) prototype
        const proto = _.prototype;
        for (const k in proto) {
            if (!Object.prototype.hasOwnProperty.call(proto, k))
                continue;
            if (!(k in inst)) {
                inst[k] = proto[k].bind(inst);
            }
        }
    }
    // doesn't work if Parent has a constructor with arguments
    const Parent = params?.Parent ?? Object;
    class Definition extends Parent {
    }
    Object.defineProperty(Definition, "name", { value: name });
    function _(def) {
        const inst = params?.Parent ? newError(Definition) : this;
        init(inst, def);
        const deferred = inst._zod.deferred;
        if (deferred) {
            for (const fn of deferred) {
                fn();
            }
            // Released: initializers run once, and the list would otherwise be retained for the schema's lifetime.
            inst._zod.deferred = undefined;
        }
        // Global post-processor hook. Internal: installed by `import "zod/compile"` to enable AOT compilation for every constructed schema. Runs last, once the instance is fully built, because it hands the instance to compile(). The post-processor is expected to be reentrancy-guarded by its own implementation.
        const pp = globalThis.__zod_globalConfig?.postProcessor;
        if (pp)
            pp(inst);
        return inst;
    }
    Object.defineProperty(_, "init", { value: init });
    Object.defineProperty(_, Symbol.hasInstance, {
        value: (inst) => {
            if (params?.Parent && inst instanceof params.Parent)
                return true;
            return inst?._zod?.traits?.has(name);
        },
    });
    Object.defineProperty(_, "name", { value: name });
    return _;
}
class $ZodAsyncError extends Error {
    constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
    }
}
class $ZodEncodeError extends Error {
    constructor(name) {
        super(`Encountered unidirectional transform during encode: ${name}`);
        this.name = "ZodEncodeError";
    }
}
(_a$1 = globalThis).__zod_globalConfig ?? (_a$1.__zod_globalConfig = {});
const globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
    if (newConfig)
        Object.assign(globalConfig, newConfig);
    return globalConfig;
}

/* Computing the message eagerly is expensive (pretty-printed JSON of all
 * issues), so defer it until first read. The accessor functions and
 * descriptors are shared across instances to keep error construction
 * cheap; the computed message is cached on the internals object. The
 * setter preserves plain assignment semantics for consumers that
 * overwrite `message`. */
function _getMessage() {
    const internals = this._zod;
    internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
    return internals.message;
}
function _setMessage(value) {
    this._zod.message = value;
}
const _messageDesc = {
    get: _getMessage,
    set: _setMessage,
    enumerable: true,
    configurable: true,
};
const _issuesDesc = { value: undefined, enumerable: false };
/* Prototypes that already carry the lazy `toString`. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
const initializer$1 = (inst, def) => {
    inst.name = "$ZodError";
    // `_zod` is already non-enumerable: $constructor's init defined it with this same descriptor
    _issuesDesc.value = def;
    Object.defineProperty(inst, "issues", _issuesDesc);
    // Clear the shared slot; a retained `value` pins the last error's issues.
    _issuesDesc.value = undefined;
    Object.defineProperty(inst, "message", _messageDesc);
    /* `toString` lives as a non-enumerable lazy getter on the shared
     * prototype; on first access it caches a per-instance closure so
     * detached usage still works. */
    const proto = Object.getPrototypeOf(inst);
    if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
            configurable: true,
            enumerable: false,
            get() {
                const value = () => this.message;
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
                return value;
            },
            set(value) {
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            },
        });
    }
};
const $ZodError = $constructor("$ZodError", initializer$1);
/** Get-or-create `obj[key]` as an own data property. A path segment naming an inherited member
 * ("toString", "constructor") would otherwise read through to the prototype, and assigning
 * "__proto__" would hit the setter instead of creating a key. */
function node(obj, key, make) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) {
        if (key === "__proto__") {
            Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
        }
        else {
            obj[key] = make();
        }
    }
    return obj[key];
}
function flattenError(error, mapper = (issue) => issue.message) {
    const fieldErrors = {};
    const formErrors = [];
    for (const sub of error.issues) {
        if (sub.path.length > 0) {
            node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
        }
        else {
            formErrors.push(mapper(sub));
        }
    }
    return { formErrors, fieldErrors };
}
function formatError(error, mapper = (issue) => issue.message) {
    const fieldErrors = { _errors: [] };
    const processError = (error, path = []) => {
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    fieldErrors._errors.push(mapper(issue));
                }
                else {
                    let curr = fieldErrors;
                    let i = 0;
                    while (i < fullpath.length) {
                        const el = fullpath[i];
                        const terminal = i === fullpath.length - 1;
                        // `_errors` is reserved by this legacy format, so merge a matching path segment into the current node instead of treating its array as a child.
                        if (el === "_errors") {
                            if (terminal)
                                curr._errors.push(mapper(issue));
                            i++;
                            continue;
                        }
                        // A path element may collide with an inherited property name such as
                        // "__proto__" or "constructor". Truthiness checks read the prototype
                        // (so no node is created, then ._errors.push throws), and bracket
                        // assignment of "__proto__" hits the setter instead of creating an
                        // own key. Guard the read with hasOwnProperty and create the node
                        // with defineProperty so any path element becomes a real own key.
                        if (!Object.prototype.hasOwnProperty.call(curr, el)) {
                            Object.defineProperty(curr, el, {
                                value: { _errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        const node = curr[el];
                        if (terminal) {
                            node._errors.push(mapper(issue));
                        }
                        curr = node;
                        i++;
                    }
                }
            }
        }
    };
    processError(error);
    return fieldErrors;
}

// Always both keys, so the `_params` read site in `_parse` sees one object shape rather than two.
function finalizeParams(callee, params) {
    return { callee: params?.callee ?? callee, Err: params?.Err };
}
const _parse = (_Err) => {
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
            throw new $ZodAsyncError();
        }
        if (result.issues.length) {
            const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, _params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const _parseAsync = (_Err) => {
    const fn = async (schema, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
            result = await result;
        if (result.issues.length) {
            const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const _safeParse = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
        throw new $ZodAsyncError();
    }
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
// the error is built on the first read of `error`: finalizing the issues and constructing the instance is most of a failing parse, and a caller that only branches on `success` never pays it. a getter in the literal keeps this small; the alternative, one shared accessor descriptor plus a hidden state slot, reads ~15% faster but costs ~75 B gzipped in every bundle
function failure(Err, issues, ctx) {
    let error;
    return {
        success: false,
        get error() {
            if (!error) {
                error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
                // finalizeIssue drops `input`, so the built error holds nothing; keeping the raw issues past this point pins the parsed value for the life of the result
                issues = undefined;
                ctx = undefined;
            }
            return error;
        },
        set error(e) {
            error = e;
            // a replacement makes the getter's branch unreachable, so the captures have to go here too
            issues = undefined;
            ctx = undefined;
        },
    };
}
const _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
// registry mirrors of the compiler's sentinels, so this module never imports the compiler
const COMPILE_INVALID = /* @__PURE__ */ Symbol.for("zod.compile.invalid");
const COMPILE_FALLBACK = /* @__PURE__ */ Symbol.for("zod.compile.fallback");
// Deliberately tiny, because v8 will not inline a body carrying the fallback's object literals and throw. Everything that is not the compiled happy path lives in validateFallback, and that split is worth ~35% on a compiled schema.
const validate = ((schema, value, _ctx) => {
    const validator = schema._zod.bag.validator;
    if (validator !== undefined) {
        if (validator(value) !== COMPILE_INVALID)
            return true;
        // a definite sentinel means the runtime would reject, so skip the re-parse; a ctx can still change the answer
        if (validator.definite === true && _ctx === undefined)
            return false;
    }
    return validateFallback(schema, value, _ctx);
});
function validateFallback(schema, value, _ctx) {
    const ctx = _ctx
        ? { ..._ctx, async: false, abortEarly: true }
        : { async: false, abortEarly: true };
    const fallbackRun = schema._zod.bag.fallbackRun;
    let result;
    if (fallbackRun) {
        // skip nested fast paths on the fallback, so user callbacks keep the at-most-twice bound
        ctx[COMPILE_FALLBACK] = true;
        result = fallbackRun({ value, issues: [] }, ctx);
    }
    else {
        result = schema._zod.run({ value, issues: [] }, ctx);
    }
    if (result instanceof Promise) {
        throw new $ZodAsyncError();
    }
    return result.issues.length === 0;
}
// no fast path: the compiler keeps async parses on the runtime, because a promise-returning callback that is not declared async compiles to a throw
const validateAsync$1 = async (schema, value, _ctx) => {
    const ctx = _ctx
        ? { ..._ctx, async: true, abortEarly: true }
        : { async: true, abortEarly: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length === 0;
};
const _encode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return parse(schema, value, ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const _decode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        return parse(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const _encodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return (await parseAsync(schema, value, ctx, finalizeParams(fn, _params)));
    };
    return fn;
};
const _decodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        return await parseAsync(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const _safeEncode = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParse(_Err)(schema, value, ctx);
};
const _safeDecode = (_Err) => (schema, value, _ctx) => {
    return _safeParse(_Err)(schema, value, _ctx);
};
const _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParseAsync(_Err)(schema, value, ctx);
};
const _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
    return _safeParseAsync(_Err)(schema, value, _ctx);
};

/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const cuid = /^[cC][0-9a-z]{6,}$/;
const cuid2 = /^[0-9a-z]+$/;
const ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
const xid = /^[0-9a-vA-V]{20}$/;
const ksuid = /^[A-Za-z0-9]{27}$/;
const nanoid = /^[a-zA-Z0-9_-]{21}$/;
function nanoidOfLength(length) {
    return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
/** ISO 8601-1 duration regex. Does not support the 8601-2 extensions like negative durations or fractional/negative components. */
const duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
/** A regex for any UUID-like identifier: 8-4-4-4-12 hex pattern */
const guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
/** Returns a regex for validating an RFC 9562/4122 UUID.
 *
 * @param version Optionally specify a version 1-8. If no version is specified, all versions are supported. */
const uuid = (version) => {
    if (!version)
        return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
    return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
};
/** Practical email validation */
const email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
// from https://thekevinscott.com/emojis-in-javascript/#writing-a-regular-expression
// Single character class, not an alternation: the two properties overlap (U+1F9B0-U+1F9B3), so `(A|B)+` backtracks exponentially on a failed match. The leading lookahead then demands one anchor — a pictograph, a regional indicator, or the enclosing keycap — because `\p{Emoji_Component}` on its own covers ASCII digits, `#`, `*`, ZWJ, variation selectors and skin tone modifiers, none of which is an emoji without a base.
const _emoji$1 = `^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`;
function emoji() {
    return new RegExp(_emoji$1, "u");
}
const ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
const ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
const cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
const cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
// https://stackoverflow.com/questions/7860392/determine-if-string-is-in-base64-using-javascript
const base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
const base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
const httpProtocol = /^https?$/;
// https://blog.stevenlevithan.com/archives/validate-phone-number#r4-3 (regex sans spaces) E.164: leading digit must be 1-9; total digits (excluding '+') between 7-15
const e164 = /^\+[1-9]\d{6,14}$/;
const dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;

function anchor(source) {
    return new RegExp(`^${source}$`);
}
const date = /*@__PURE__*/ anchor(dateSource);
function timeSource(args) {
    const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
    const regex = typeof args.precision === "number"
        ? args.precision === -1
            ? `${hhmm}`
            : args.precision === 0
                ? `${hhmm}:[0-5]\\d`
                : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}`
        : args.seconds
            ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?`
            : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
    return regex;
}
function time(args) {
    return new RegExp(`^${timeSource(args)}$`);
}
// Adapted from https://stackoverflow.com/a/3143231
function datetime(args) {
    const opts = ["Z"];
    // if (args.offset) opts.push(`([+-]\\d{2}:\\d{2})`);
    if (args.offset)
        opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
    // RFC 3339 mandates seconds wherever the time carries a `Z` or an offset, so only the unqualified form `local` adds may omit them
    const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
    const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
    return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
// the unbounded form of `string()` as a literal, so every plain string shares one instance instead of building its own
const anyString = /^[\s\S]{0,}$/;
const integer = /^-?\d+$/;
const number$1 = /^-?\d+(?:\.\d+)?$/;
const boolean$1 = /^(?:true|false)$/i;
// regex for string with no uppercase letters
const lowercase = /^[^A-Z]*$/;
// regex for string with no lowercase letters
const uppercase = /^[^a-z]*$/;

// import { $ZodType } from "./schemas.js";
const $ZodCheck = /*@__PURE__*/ $constructor("$ZodCheck", (inst, def) => {
    var _a;
    inst._zod ?? (inst._zod = {});
    inst._zod.def = def;
    (_a = inst._zod).onattach ?? (_a.onattach = []);
});
/** Default `when` for length-based checks: run only on non-nullish values with a `length`. */
const _whenHasLength = (payload) => {
    const val = payload.value;
    return !nullish(val) && val.length !== undefined;
};
const numericOriginMap = {
    number: "number",
    bigint: "bigint",
    object: "date",
};
const $ZodCheckLessThan = /*@__PURE__*/ $constructor("$ZodCheckLessThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_big",
            maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckGreaterThan = /*@__PURE__*/ $constructor("$ZodCheckGreaterThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_small",
            minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMultipleOf = 
/*@__PURE__*/ $constructor("$ZodCheckMultipleOf", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        if (typeof payload.value !== typeof def.value)
            throw new Error("Cannot mix number and bigint in multiple_of check.");
        const isMultiple = typeof payload.value === "bigint"
            ? // `value % 0n` throws, and nothing is a multiple of zero — the number branch already fails this way via NaN
                def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
            : floatSafeRemainder(payload.value, def.value) === 0;
        if (isMultiple)
            return;
        payload.issues.push({
            origin: typeof payload.value,
            code: "not_multiple_of",
            divisor: def.value,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckNumberFormat = /*@__PURE__*/ $constructor("$ZodCheckNumberFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    def.format = def.format || "float64";
    const isInt = def.format?.includes("int");
    const origin = isInt ? "int" : "number";
    const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (isInt) {
            if (!Number.isInteger(input)) {
                // invalid_format issue
                // payload.issues.push({
                //   expected: def.format,
                //   format: def.format,
                //   code: "invalid_format",
                //   input,
                //   inst,
                // });
                // invalid_type issue
                payload.issues.push({
                    expected: origin,
                    format: def.format,
                    code: "invalid_type",
                    continue: false,
                    input,
                    inst,
                });
                return;
                // not_multiple_of issue
                // payload.issues.push({
                //   code: "not_multiple_of",
                //   origin: "number",
                //   input,
                //   inst,
                //   divisor: 1,
                // });
            }
            if (!Number.isSafeInteger(input)) {
                if (input > 0) {
                    // too_big
                    payload.issues.push({
                        input,
                        code: "too_big",
                        maximum: Number.MAX_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                else {
                    // too_small
                    payload.issues.push({
                        input,
                        code: "too_small",
                        minimum: Number.MIN_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                return;
            }
        }
        if (input < minimum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_small",
                minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodCheckMaxLength = /*@__PURE__*/ $constructor("$ZodCheckMaxLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // Strings are measured in Unicode code points, not UTF-16 units. A code point is at most two units, so a string that already fits in units fits in code points; only an overflow has to be counted.
        const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
        if (length <= def.maximum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMinLength = /*@__PURE__*/ $constructor("$ZodCheckMinLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so fewer units than the floor can never reach it and twice the floor always clears it. Only in between is the exact count in doubt.
        const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2
            ? codePointLength(input)
            : units;
        if (length >= def.minimum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLengthEquals = /*@__PURE__*/ $constructor("$ZodCheckLengthEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so outside `[length, length * 2]` units the target is missed either way — and missed in the same direction in both measures.
        const length = typeof input === "string" && units >= def.length && units <= def.length * 2
            ? codePointLength(input)
            : units;
        if (length === def.length)
            return;
        const origin = getLengthableOrigin(input);
        const tooBig = length > def.length;
        payload.issues.push({
            origin,
            ...(tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStringFormat = /*@__PURE__*/ $constructor("$ZodCheckStringFormat", (inst, def) => {
    var _a, _b;
    $ZodCheck.init(inst, def);
    if (def.pattern)
        (_a = inst._zod).check ?? (_a.check = (payload) => {
            def.pattern.lastIndex = 0;
            if (def.pattern.test(payload.value))
                return;
            payload.issues.push({
                origin: "string",
                code: "invalid_format",
                format: def.format,
                input: payload.value,
                ...(def.pattern ? { pattern: def.pattern.toString() } : {}),
                inst,
                continue: !def.abort,
            });
        });
    else
        (_b = inst._zod).check ?? (_b.check = () => { });
});
const $ZodCheckRegex = /*@__PURE__*/ $constructor("$ZodCheckRegex", (inst, def) => {
    $ZodCheckStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        def.pattern.lastIndex = 0;
        if (def.pattern.test(payload.value))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "regex",
            input: payload.value,
            pattern: def.pattern.toString(),
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLowerCase = /*@__PURE__*/ $constructor("$ZodCheckLowerCase", (inst, def) => {
    def.pattern ?? (def.pattern = lowercase);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckUpperCase = /*@__PURE__*/ $constructor("$ZodCheckUpperCase", (inst, def) => {
    def.pattern ?? (def.pattern = uppercase);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckIncludes = /*@__PURE__*/ $constructor("$ZodCheckIncludes", (inst, def) => {
    $ZodCheck.init(inst, def);
    const escapedRegex = escapeRegex(def.includes);
    // `String.prototype.includes(sub, position)` matches `sub` at `position`
    // OR LATER, so the pattern must allow at least `position` leading chars
    // (`{N,}`), not exactly `position` chars (`{N}`).
    const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
    def.pattern = pattern;
    inst._zod.check = (payload) => {
        if (payload.value.includes(def.includes, def.position))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "includes",
            includes: def.includes,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStartsWith = /*@__PURE__*/ $constructor("$ZodCheckStartsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`^${escapeRegex(def.prefix)}.*`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.startsWith(def.prefix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "starts_with",
            prefix: def.prefix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckEndsWith = /*@__PURE__*/ $constructor("$ZodCheckEndsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`.*${escapeRegex(def.suffix)}$`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.endsWith(def.suffix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "ends_with",
            suffix: def.suffix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckOverwrite = /*@__PURE__*/ $constructor("$ZodCheckOverwrite", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        payload.value = def.tx(payload.value);
    };
});

class Doc {
    constructor(args = [], closed = {}) {
        this.content = [];
        this.indent = 0;
        this.args = args;
        this.closed = closed;
    }
    // the compiler catches a child's throw and keeps writing into this doc, so the indent has to unwind with it
    indented(fn) {
        this.indent += 1;
        try {
            fn(this);
        }
        finally {
            this.indent -= 1;
        }
    }
    write(arg) {
        if (typeof arg === "function") {
            arg(this, { execution: "sync" });
            arg(this, { execution: "async" });
            return;
        }
        const content = arg;
        const lines = content.split("\n").filter((x) => x);
        const minIndent = Math.min(...lines.map((x) => x.length - x.trimStart().length));
        const dedented = lines.map((x) => x.slice(minIndent)).map((x) => " ".repeat(this.indent * 2) + x);
        for (const line of dedented) {
            this.content.push(line);
        }
    }
    compile() {
        const F = Function;
        const content = this?.content ?? [``];
        const factory = new F(...Object.keys(this.closed), `return function (${this.args.join(", ")}) {\n${content.join("\n")}\n};`);
        return factory(...Object.values(this.closed));
    }
}

const version = {
    major: 4,
    minor: 6,
    patch: 7,
};

const $ZodType = /*@__PURE__*/ $constructor("$ZodType", (inst, def) => {
    var _a;
    inst ?? (inst = {});
    inst._zod.def = def; // set _def property
    inst._zod.bag = inst._zod.bag || {}; // initialize _bag object
    inst._zod.version = version;
    const defChecks = inst._zod.def.checks;
    // if inst is itself a checks.$ZodCheck, run it as a check
    const checks = inst._zod.traits.has("$ZodCheck")
        ? [inst, ...(defChecks ?? [])]
        : defChecks?.length
            ? [...defChecks]
            : [];
    for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
            fn(inst);
        }
    }
    if (checks.length === 0) {
        // deferred initializer inst._zod.parse is not yet defined
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred?.push(() => {
            inst._zod.run = inst._zod.parse;
        });
    }
    else {
        const runChecks = (payload, checks, ctx) => {
            if (payload.memo)
                return payload;
            let isAborted = aborted(payload);
            let asyncResult;
            for (const ch of checks) {
                if (ch._zod.def.when) {
                    if (explicitlyAborted(payload))
                        continue;
                    const shouldRun = ch._zod.def.when(payload);
                    if (!shouldRun)
                        continue;
                }
                else if (isAborted) {
                    continue;
                }
                const currLen = payload.issues.length;
                const _ = ch._zod.check(payload);
                if (_ instanceof Promise && ctx?.async === false) {
                    throw new $ZodAsyncError();
                }
                if (asyncResult || _ instanceof Promise) {
                    asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                        await _;
                        const nextLen = payload.issues.length;
                        if (nextLen === currLen)
                            return;
                        attachSchema(payload.issues, currLen, inst);
                        if (!isAborted)
                            isAborted = aborted(payload, currLen);
                    });
                }
                else {
                    const nextLen = payload.issues.length;
                    if (nextLen === currLen)
                        continue;
                    attachSchema(payload.issues, currLen, inst);
                    if (!isAborted)
                        isAborted = aborted(payload, currLen);
                }
            }
            if (asyncResult) {
                return asyncResult.then(() => {
                    return payload;
                });
            }
            return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
            // abort if the canary is aborted
            if (aborted(canary)) {
                canary.aborted = true;
                return canary;
            }
            // run checks first, then
            const checkResult = runChecks(payload, checks, ctx);
            if (checkResult instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return checkResult.then((checkResult) => inst._zod.parse(checkResult, ctx));
            }
            return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
            if (ctx.skipChecks) {
                return inst._zod.parse(payload, ctx);
            }
            if (ctx.direction === "backward") {
                // run canary initial pass (no checks)
                const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
                if (canary instanceof Promise) {
                    return canary.then((canary) => {
                        return handleCanaryResult(canary, payload, ctx);
                    });
                }
                return handleCanaryResult(canary, payload, ctx);
            }
            // forward
            const result = inst._zod.parse(payload, ctx);
            if (result instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return result.then((result) => runChecks(result, checks, ctx));
            }
            return runChecks(result, checks, ctx);
        };
    }
}, {
    // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
    get "~standard"() {
        return hide(this, "~standard", standardProps(this));
    },
    set "~standard"(value) {
        own(this, "~standard", value);
    },
});
/** The Standard Schema surface for `inst`. Shared so wrappers can extend it without forcing it. */
// a Standard Schema result only reports issues, so a failure finalizes them straight off the raw payload: no ZodError, and no lazy result to read through
const toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
    const ctx = { async: true };
    return toStandardResult((await inst._zod.run({ value, issues: [] }, ctx)), ctx);
}
function standardProps(inst) {
    return {
        validate: (value) => {
            const ctx = { async: false };
            try {
                const r = inst._zod.run({ value, issues: [] }, ctx);
                if (!(r instanceof Promise))
                    return toStandardResult(r, ctx);
            }
            catch (_) { }
            // async function so a synchronously throwing check rejects instead of escaping validate
            return validateAsync(inst, value);
        },
        vendor: "zod",
        version: 1,
    };
}
const $ZodString = /*@__PURE__*/ $constructor("$ZodString", (inst, def) => {
    $ZodType.init(inst, def);
    // a format's own pattern, else unbounded; a template literal derives the check-aware form itself
    inst._zod.pattern = def.pattern ?? anyString;
    inst._zod.parse = (payload, _) => {
        if (def.coerce)
            try {
                payload.value = String(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "string")
            return payload;
        payload.issues.push({
            expected: "string",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodStringFormat = /*@__PURE__*/ $constructor("$ZodStringFormat", (inst, def) => {
    // check initialization must come first
    $ZodCheckStringFormat.init(inst, def);
    $ZodString.init(inst, def);
});
const $ZodGUID = /*@__PURE__*/ $constructor("$ZodGUID", (inst, def) => {
    def.pattern ?? (def.pattern = guid);
    $ZodStringFormat.init(inst, def);
});
const $ZodUUID = /*@__PURE__*/ $constructor("$ZodUUID", (inst, def) => {
    if (def.version) {
        const versionMap = {
            v1: 1,
            v2: 2,
            v3: 3,
            v4: 4,
            v5: 5,
            v6: 6,
            v7: 7,
            v8: 8,
        };
        const v = versionMap[def.version];
        if (v === undefined)
            throw new Error(`Invalid UUID version: "${def.version}"`);
        def.pattern ?? (def.pattern = uuid(v));
    }
    else
        def.pattern ?? (def.pattern = uuid());
    $ZodStringFormat.init(inst, def);
});
const $ZodEmail = /*@__PURE__*/ $constructor("$ZodEmail", (inst, def) => {
    def.pattern ?? (def.pattern = email);
    $ZodStringFormat.init(inst, def);
});
/** The `://` guard rejected the input before the URL constructor saw it. */
const URL_BAD_FORMAT = 1;
/** The URL parser rejected the input. */
const URL_UNPARSEABLE = 2;
function canParseURL(input) {
    try {
        if (typeof URL !== "undefined" && typeof URL.canParse === "function")
            return URL.canParse(input);
        new URL(input);
        return true;
    }
    catch {
        return false;
    }
}
function validateURL(trimmed, def) {
    if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
        return canParseURL(trimmed) || URL_UNPARSEABLE;
    }
    return parseURLObject(trimmed, def);
}
/** Parses a URL while preserving the non-normalizing HTTP guard. */
function parseURLObject(trimmed, def) {
    // When normalize is off, require :// for http/https URLs. This prevents strings like "http:example.com" or "https:/path" from being silently accepted
    if (!def.normalize && def.protocol?.source === httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
        return URL_BAD_FORMAT;
    }
    try {
        if (typeof URL !== "undefined") {
            const URLStatic = URL;
            if (typeof URLStatic.parse === "function")
                return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
        }
        // @ts-ignore
        return new URL(trimmed);
    }
    catch {
        return URL_UNPARSEABLE;
    }
}
const asciiTabOrNewline = /[\t\n\r]/g;
/** The URL parser deletes every ASCII tab, LF and CR from its input before it parses, so `new URL("https://exa\nmple.com")` reports on `example.com`. Applying the same deletion to the returned value closes the half of that divergence which can move the host; the parser's other rewrite, stripping C0 controls at the edges, cannot. */
function stripTabAndNewline(value) {
    return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url, hostname) {
    hostname.lastIndex = 0;
    return hostname.test(url.hostname);
}
function urlProtocolOk(url, protocol) {
    protocol.lastIndex = 0;
    return protocol.test(url.protocol.endsWith(":") ? url.protocol.slice(0, -1) : url.protocol);
}
const $ZodURL = /*@__PURE__*/ $constructor("$ZodURL", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        try {
            // Trim whitespace from input
            const trimmed = payload.value.trim();
            const url = validateURL(trimmed, def);
            if (url === URL_BAD_FORMAT) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid URL format",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === URL_UNPARSEABLE) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === true) {
                payload.value = stripTabAndNewline(trimmed);
                return;
            }
            if (def.hostname && !urlHostnameOk(url, def.hostname)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid hostname",
                    pattern: def.hostname.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            if (def.protocol && !urlProtocolOk(url, def.protocol)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid protocol",
                    pattern: def.protocol.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            // Set the output value based on normalize flag
            payload.value = def.normalize ? url.href : stripTabAndNewline(trimmed);
            return;
        }
        catch (_) {
            payload.issues.push({
                code: "invalid_format",
                format: "url",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodEmoji = /*@__PURE__*/ $constructor("$ZodEmoji", (inst, def) => {
    def.pattern ?? (def.pattern = emoji());
    $ZodStringFormat.init(inst, def);
});
const $ZodNanoID = /*@__PURE__*/ $constructor("$ZodNanoID", (inst, def) => {
    if (def.length !== undefined && (!Number.isInteger(def.length) || def.length < 1))
        throw new Error(`Invalid nanoid length: ${def.length}`);
    def.pattern ?? (def.pattern = def.length === undefined ? nanoid : nanoidOfLength(def.length));
    $ZodStringFormat.init(inst, def);
});
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link $ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const $ZodCUID = /*@__PURE__*/ $constructor("$ZodCUID", (inst, def) => {
    def.pattern ?? (def.pattern = cuid);
    $ZodStringFormat.init(inst, def);
});
const $ZodCUID2 = /*@__PURE__*/ $constructor("$ZodCUID2", (inst, def) => {
    def.pattern ?? (def.pattern = cuid2);
    $ZodStringFormat.init(inst, def);
});
const $ZodULID = /*@__PURE__*/ $constructor("$ZodULID", (inst, def) => {
    def.pattern ?? (def.pattern = ulid);
    $ZodStringFormat.init(inst, def);
});
const $ZodXID = /*@__PURE__*/ $constructor("$ZodXID", (inst, def) => {
    def.pattern ?? (def.pattern = xid);
    $ZodStringFormat.init(inst, def);
});
const $ZodKSUID = /*@__PURE__*/ $constructor("$ZodKSUID", (inst, def) => {
    def.pattern ?? (def.pattern = ksuid);
    $ZodStringFormat.init(inst, def);
});
const $ZodISODateTime = /*@__PURE__*/ $constructor("$ZodISODateTime", (inst, def) => {
    def.pattern ?? (def.pattern = datetime(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODate = /*@__PURE__*/ $constructor("$ZodISODate", (inst, def) => {
    def.pattern ?? (def.pattern = date);
    $ZodStringFormat.init(inst, def);
});
const $ZodISOTime = /*@__PURE__*/ $constructor("$ZodISOTime", (inst, def) => {
    def.pattern ?? (def.pattern = time(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODuration = /*@__PURE__*/ $constructor("$ZodISODuration", (inst, def) => {
    def.pattern ?? (def.pattern = duration);
    $ZodStringFormat.init(inst, def);
});
const $ZodIPv4 = /*@__PURE__*/ $constructor("$ZodIPv4", (inst, def) => {
    def.pattern ?? (def.pattern = ipv4);
    $ZodStringFormat.init(inst, def);
});
/** An IPv6 address is written with hex digits, colons and dots, and nothing else. The guard is what makes the check below an IPv6 check: `new URL("http://[...]")` parses an authority, not an address, so `@` and `\` re-delimit it and `"::@1\\"` validates against the host `0.0.0.1`. The URL parser also deletes ASCII tab, LF and CR rather than failing, which is how `"::1\n"` validated as `::1`. */
const ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
function isValidIPv6(value) {
    if (!ipv6Alphabet.test(value))
        return false;
    return canParseURL(`http://[${value}]`);
}
const $ZodIPv6 = /*@__PURE__*/ $constructor("$ZodIPv6", (inst, def) => {
    def.pattern ?? (def.pattern = ipv6);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidIPv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "ipv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodCIDRv4 = /*@__PURE__*/ $constructor("$ZodCIDRv4", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv4);
    $ZodStringFormat.init(inst, def);
});
function isValidCIDRv6(value) {
    const parts = value.split("/");
    if (parts.length !== 2)
        return false;
    const [address, prefix] = parts;
    if (!prefix)
        return false;
    const prefixNum = Number(prefix);
    if (`${prefixNum}` !== prefix)
        return false;
    if (prefixNum < 0 || prefixNum > 128)
        return false;
    return isValidIPv6(address);
}
const $ZodCIDRv6 = /*@__PURE__*/ $constructor("$ZodCIDRv6", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv6); // not used for validation
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidCIDRv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "cidrv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
//////////////////////////////   ZodBase64   //////////////////////////////
function isValidBase64(data) {
    if (data === "")
        return true;
    // atob ignores whitespace, so reject it up front.
    if (/\s/.test(data))
        return false;
    if (data.length % 4 !== 0)
        return false;
    try {
        // @ts-ignore
        atob(data);
        return true;
    }
    catch {
        return false;
    }
}
// lax on purpose: the quantified regexes.base64 overflows the regex stack on multi-MB input and its leading ^$| alternation leaks through template-literal composition; isValidBase64 enforces length and padding
const base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
const $ZodBase64 = /*@__PURE__*/ $constructor("$ZodBase64", (inst, def) => {
    def.pattern ?? (def.pattern = base64Charset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
//////////////////////////////   ZodBase64URL   //////////////////////////////
// lax on purpose: the quantified regexes.base64url overflows the regex stack on multi-MB input; isValidBase64 enforces length on the padded string
const base64urlCharset = /^[A-Za-z0-9_-]*$/;
function isValidBase64URL(data) {
    if (!base64urlCharset.test(data))
        return false;
    const base64 = data.replace(/[-_]/g, (c) => (c === "-" ? "+" : "/"));
    const padded = base64.padEnd(Math.ceil(base64.length / 4) * 4, "=");
    return isValidBase64(padded);
}
const $ZodBase64URL = /*@__PURE__*/ $constructor("$ZodBase64URL", (inst, def) => {
    def.pattern ?? (def.pattern = base64urlCharset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64URL(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64url",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodE164 = /*@__PURE__*/ $constructor("$ZodE164", (inst, def) => {
    def.pattern ?? (def.pattern = e164);
    $ZodStringFormat.init(inst, def);
});
//////////////////////////////   ZodJWT   //////////////////////////////
function isValidJWT(token, algorithm = null) {
    try {
        const tokensParts = token.split(".");
        if (tokensParts.length !== 3)
            return false;
        const [header] = tokensParts;
        if (!header)
            return false;
        // @ts-ignore
        const parsedHeader = JSON.parse(atob(header));
        if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT")
            return false;
        if (!parsedHeader.alg)
            return false;
        if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
            return false;
        return true;
    }
    catch {
        return false;
    }
}
const $ZodJWT = /*@__PURE__*/ $constructor("$ZodJWT", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidJWT(payload.value, def.alg))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "jwt",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodNumber = /*@__PURE__*/ $constructor("$ZodNumber", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = number$1;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Number(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
            return payload;
        }
        const received = typeof input === "number"
            ? Number.isNaN(input)
                ? "NaN"
                : !Number.isFinite(input)
                    ? String(input)
                    : undefined
            : undefined;
        payload.issues.push({
            expected: "number",
            code: "invalid_type",
            input,
            inst,
            ...(received ? { received } : {}),
        });
        return payload;
    };
});
const $ZodNumberFormat = /*@__PURE__*/ $constructor("$ZodNumberFormat", (inst, def) => {
    $ZodCheckNumberFormat.init(inst, def);
    $ZodNumber.init(inst, def); // no format checks
});
const $ZodBoolean = /*@__PURE__*/ $constructor("$ZodBoolean", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = boolean$1;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Boolean(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "boolean")
            return payload;
        payload.issues.push({
            expected: "boolean",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
});
const $ZodUnknown = /*@__PURE__*/ $constructor("$ZodUnknown", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
});
const $ZodNever = /*@__PURE__*/ $constructor("$ZodNever", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        payload.issues.push({
            expected: "never",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
// an oversized container fails its leading size checks before any element is parsed
function capSize(inst, size) {
    const caps = sizeCaps(inst._zod.def.checks);
    if (!caps.length)
        return;
    const cap = Math.min(...caps.map((c) => c[0]));
    const parse = inst._zod.parse;
    inst._zod.parse = (payload, ctx) => {
        const n = size(payload.value);
        if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
            for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
                if (n > max && ch._zod.def.when(payload)) {
                    const start = payload.issues.length;
                    ch._zod.check(payload);
                    // the value is still the raw input, so no later check may read it
                    payload.issues[start].continue = false;
                    attachSchema(payload.issues, start, inst);
                    return payload;
                }
            }
        }
        return parse(payload, ctx);
    };
}
const arraySize = (input) => (Array.isArray(input) ? input.length : -1);
function handleArrayResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
const $ZodArray = /*@__PURE__*/ $constructor("$ZodArray", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                expected: "array",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        const proms = [];
        const abortEarly = ctx?.abortEarly;
        for (let i = 0; i < input.length; i++) {
            const item = input[i];
            const result = def.element._zod.run({
                value: item,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleArrayResult(result, payload, i)));
            }
            else {
                handleArrayResult(result, payload, i);
                // the element's payload is authoritative here, since handleArrayResult forwards every issue; an object's is not, because it drops a failed absent optional
                if (abortEarly && result.issues.length !== 0 && aborted(result))
                    break;
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload; //handleArrayResultsAsync(parseResults, final);
    };
    capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
    const isPresent = key in input;
    const isOptionalOut = optout === "optional";
    // The middle rung means "absence permitted, nothing supplied in its place", so an absent key contributes nothing — whatever the schema made of `undefined` is invented, not substituted. Only `optional` reaches this with a value: `defaulted` substitutes, and a schema that isn't optional-out has to keep the key.
    if (!isPresent && isOptionalOut && optin === "optional") {
        return;
    }
    if (result.issues.length) {
        // For optional-in/out schemas, ignore errors on absent keys.
        if (optin !== undefined && isOptionalOut && !isPresent) {
            return;
        }
        final.issues.push(...prefixIssues(key, result.issues));
    }
    if (!isPresent && optin === undefined) {
        if (!result.issues.length) {
            final.issues.push({
                code: "invalid_type",
                expected: "nonoptional",
                input: undefined,
                path: [key],
            });
        }
        return;
    }
    if (result.value === undefined) {
        if (isPresent || (optin === "defaulted" && !isOptionalOut)) {
            final.value[key] = undefined;
        }
    }
    else {
        final.value[key] = result.value;
    }
}
// one shared instance; a fresh [] per schema cost 56 bytes retained
const NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
    const keys = Object.keys(def.shape);
    const ownSymbols = Object.getOwnPropertySymbols(def.shape);
    const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
    // aliases `keys` when there are no symbols, so a string-only shape keeps one array
    const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
    for (const k of allKeys) {
        if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
            throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
        }
    }
    const okeys = optionalKeys(def.shape);
    return {
        ...def,
        allKeys,
        symbolKeys,
        // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
        keySet: new Set(keys),
        numKeys: keys.length,
        optionalKeys: new Set(okeys),
    };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
    const unrecognized = [];
    const keySet = def.keySet;
    const _catchall = def.catchall._zod;
    const t = _catchall.def.type;
    const optin = _catchall.optin;
    const optout = _catchall.optout;
    // starts at 0, not the current length: the shape phase already ran and may have aborted
    let seen = 0;
    for (const key in input) {
        if (abortEarly && payload.issues.length !== seen) {
            if (aborted(payload, seen))
                break;
            seen = payload.issues.length;
        }
        // Must precede the __proto__ branch: a declared key is not unrecognized, even though the shape loop deliberately strips __proto__ from the parsed output.
        if (keySet.has(key))
            continue;
        // Don't copy an undeclared __proto__ into the result; assignment to a plain {} would replace the result prototype. But in strict mode it is still an unknown key, so report it before skipping.
        if (key === "__proto__") {
            if (t === "never")
                unrecognized.push(key);
            continue;
        }
        if (t === "never") {
            unrecognized.push(key);
            continue;
        }
        const r = _catchall.run({ value: input[key], issues: [] }, ctx);
        if (r instanceof Promise) {
            proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
        }
        else {
            handlePropertyResult(r, payload, key, input, optin, optout);
        }
    }
    if (unrecognized.length) {
        payload.issues.push({
            code: "unrecognized_keys",
            keys: unrecognized,
            input,
            inst,
            // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
            continue: true,
        });
    }
    if (!proms.length)
        return payload;
    return Promise.all(proms).then(() => {
        return payload;
    });
}
const $ZodObject = /*@__PURE__*/ $constructor("$ZodObject", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodType.init(inst, def);
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    // a cloned def carries its source's accessor, which knows the shape it answers from; adopting that keeps the clone's keys readable without running it
    const sh = desc?.get ? desc.get.raw : (def.shape ?? {});
    if (sh) {
        // Freezes the shape on first read, so its getters resolve once and every later read sees the same schemas.
        const get = () => {
            const newSh = { ...sh };
            Object.defineProperty(def, "shape", { value: newSh });
            get.raw = newSh;
            return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
    }
    const _normalized = cached(() => normalizeDef(def));
    defineLazyInternal(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
            const field = shape[key]._zod;
            if (field.values) {
                if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
                    assignProp(propValues, key, new Set());
                }
                for (const v of field.values)
                    propValues[key].add(v);
                // An omittable slot reads back as undefined at a discriminator lookup, so it has to claim undefined: two options that can both omit the key are not discriminable on it.
                if (field.optin !== undefined)
                    propValues[key].add(undefined);
            }
        }
        return propValues;
    });
    const isObject$1 = isObject;
    const catchall = def.catchall;
    let value;
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject$1(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
            if (abortEarly && payload.issues.length !== seen) {
                if (aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            if (key === "__proto__")
                continue;
            const el = shape[key];
            const optin = el._zod.optin;
            const optout = el._zod.optout;
            const r = el._zod.run({ value: input[key], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
            }
            else {
                handlePropertyResult(r, payload, key, input, optin, optout);
            }
        }
        if (!catchall) {
            return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
    };
});
const $ZodObjectJIT = /*@__PURE__*/ $constructor("$ZodObjectJIT", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodObject.init(inst, def);
    const superParse = inst._zod.parse;
    const _normalized = cached(() => normalizeDef(def));
    const memo = globalConfig.memoizer;
    const generateFastpass = (shape) => {
        const normalized = _normalized.value;
        const syms = normalized.symbolKeys;
        // a symbol has no source literal, so it is read as `syms[i]` off the closed-over scope
        const doc = new Doc(["payload", "ctx"], { shape, inst, memo, syms });
        const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
        // prefixes in place, like util.prefixIssues. newResult must land before the early return: a catchall runs after this and would otherwise write onto the caller's input
        const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
        doc.write(`const input = payload.value;`);
        const ids = Object.create(null);
        let counter = 0;
        for (const key of normalized.allKeys) {
            ids[key] = `key_${counter++}`;
        }
        // A: preserve key order {
        doc.write(memo ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
        for (const key of normalized.allKeys) {
            if (key === "__proto__")
                continue;
            const id = ids[key];
            const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : esc(key);
            const isPresent = `${k} in input`;
            const schema = shape[key];
            const optin = schema?._zod?.optin;
            const isOptionalIn = optin !== undefined;
            const isOptionalOut = schema?._zod?.optout === "optional";
            doc.write(`const ${id} = ${parseStr(k)};`);
            if (isOptionalIn && isOptionalOut) {
                // For optional-in/out schemas, ignore errors on absent keys — and, like the interpreted path, drop the value produced alongside them. The middle rung goes further: it permits absence without supplying anything in its place, so an absent key contributes nothing at all.
                const assign = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
                doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
            }
            else if (!isOptionalIn) {
                doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
            }
            else {
                doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
                if (optin === "defaulted") {
                    doc.write(`newResult[${k}] = ${id}.value;`);
                }
                else {
                    doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
                }
            }
        }
        doc.write(`payload.value = newResult;`);
        doc.write(`return payload;`);
        // closing `shape` in is what pays: turbofan specializes the parser against that one shape object, so every `shape[k]._zod.run` folds to a known callee. as a parameter it stays a generic load and measures 13% slower even with the forwarding frame gone
        return doc.compile();
    };
    let fastpass;
    const isObject$1 = isObject;
    const jit = !globalConfig.jitless;
    const allowsEval$1 = allowsEval;
    const fastEnabled = jit && allowsEval$1.value; // && !def.catchall;
    const catchall = def.catchall;
    let value;
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject$1(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
            // always synchronous
            if (!fastpass)
                fastpass = generateFastpass(def.shape);
            payload = fastpass(payload, ctx);
            if (!catchall)
                return payload;
            return handleCatchall([], input, payload, ctx, value, inst, ctx?.abortEarly === true);
        }
        return superParse(payload, ctx);
    };
});
function handleUnionResults(results, final, inst, ctx) {
    for (const result of results) {
        if (result.issues.length === 0) {
            final.value = result.value;
            return final;
        }
    }
    const nonaborted = results.filter((r) => !aborted(r));
    if (nonaborted.length === 1) {
        final.value = nonaborted[0].value;
        return nonaborted[0];
    }
    final.issues.push({
        code: "invalid_union",
        input: final.value,
        inst,
        errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config()))),
    });
    return final;
}
const $ZodUnion = /*@__PURE__*/ $constructor("$ZodUnion", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted")
        ? "defaulted"
        : zod.def.options.some((o) => o._zod.optin !== undefined)
            ? "optional"
            : undefined);
    defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : undefined);
    defineLazyInternal(inst, "values", (zod) => {
        if (zod.def.options.every((o) => o._zod.values)) {
            return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
        }
        return undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        if (zod.def.options.every((o) => o._zod.pattern)) {
            const patterns = zod.def.options.map((o) => o._zod.pattern);
            return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
        }
        return undefined;
    });
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                if (result.issues.length === 0)
                    return result;
                results.push(result);
            }
        }
        if (!async)
            return handleUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleUnionResults(results, payload, inst, ctx);
        });
    };
});
function discriminatorMap(def) {
    const map = new Map();
    for (const option of def.options) {
        const values = option._zod.propValues?.[def.discriminator];
        if (!values || values.size === 0)
            throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
        for (const value of values) {
            if (map.has(value)) {
                if (value !== undefined)
                    throw new Error(`Duplicate discriminator value "${String(value)}"`);
                // keep the collision marked so a later member cannot reclaim it
                map.set(value, null);
            }
            else {
                map.set(value, option);
            }
        }
    }
    return map;
}
const $ZodDiscriminatedUnion = 
/*@__PURE__*/
$constructor("$ZodDiscriminatedUnion", (inst, def) => {
    def.inclusive = false;
    $ZodUnion.init(inst, def);
    const _super = inst._zod.parse;
    defineLazyInternal(inst, "propValues", (zod) => {
        const propValues = {};
        let undefinedCount = 0;
        for (const option of zod.def.options) {
            const pv = option._zod.propValues;
            if (!pv || Object.keys(pv).length === 0)
                throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
            if (pv[zod.def.discriminator]?.has(undefined))
                undefinedCount++;
            for (const [k, v] of Object.entries(pv)) {
                if (!Object.prototype.hasOwnProperty.call(propValues, k)) {
                    assignProp(propValues, k, new Set());
                }
                for (const val of v) {
                    propValues[k].add(val);
                }
            }
        }
        if (!zod.def.unionFallback && undefinedCount > 1)
            propValues[zod.def.discriminator]?.delete(undefined);
        return propValues;
    });
    // Checked now rather than in the lookup map below, so an option that lacks the discriminator fails at the `discriminatedUnion` call instead of on the first object parsed. Options whose shape cannot be enumerated without resolving it — pipes and lazies — are left to the map.
    def.options.forEach((option, i) => {
        const propShape = rawShape(option._zod.def);
        if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) {
            throw new Error(`Invalid discriminated union option at index "${i}"`);
        }
    });
    const disc = cached(() => discriminatorMap(def));
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                code: "invalid_type",
                expected: "object",
                input,
                inst,
            });
            return payload;
        }
        const value = input?.[def.discriminator];
        const opt = disc.value.get(value);
        // forward metadata cannot choose an encoder for an absent tag
        if (opt && (value !== undefined || ctx.direction !== "backward")) {
            return opt._zod.run(payload, ctx);
        }
        // Fall back to union matching when the fast discriminator path fails:
        // - explicitly enabled via unionFallback, or
        // - during backward direction (encode), since codec-based discriminators have different values in forward vs backward directions
        if (def.unionFallback || ctx.direction === "backward") {
            return _super(payload, ctx);
        }
        // no matching discriminator
        payload.issues.push({
            code: "invalid_union",
            errors: [],
            note: "No matching discriminator",
            discriminator: def.discriminator,
            options: Array.from(disc.value.keys()).filter((value) => disc.value.get(value) !== null),
            input,
            path: [def.discriminator],
            inst,
        });
        return payload;
    };
});
const $ZodIntersection = /*@__PURE__*/ $constructor("$ZodIntersection", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        const left = def.left._zod.run({ value: input, issues: [] }, ctx);
        const right = def.right._zod.run({ value: input, issues: [] }, ctx);
        const async = left instanceof Promise || right instanceof Promise;
        if (async) {
            return Promise.all([left, right]).then(([left, right]) => {
                return handleIntersectionResults(payload, left, right);
            });
        }
        return handleIntersectionResults(payload, left, right);
    };
});
function mergeValues(a, b) {
    // const aType = parse.t(a);
    // const bType = parse.t(b);
    if (a === b) {
        return { valid: true, data: a };
    }
    if (a instanceof Date && b instanceof Date && +a === +b) {
        return { valid: true, data: a };
    }
    if (isPlainObject(a) && isPlainObject(b)) {
        const bKeys = Object.keys(b);
        const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
        const newObj = { ...a, ...b };
        if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
            delete newObj.__proto__;
        for (const key of sharedKeys) {
            if (key === "__proto__")
                continue;
            const sharedValue = mergeValues(a[key], b[key]);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [key, ...sharedValue.mergeErrorPath],
                };
            }
            newObj[key] = sharedValue.data;
        }
        return { valid: true, data: newObj };
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) {
            return { valid: false, mergeErrorPath: [] };
        }
        const newArray = [];
        for (let index = 0; index < a.length; index++) {
            const itemA = a[index];
            const itemB = b[index];
            const sharedValue = mergeValues(itemA, itemB);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [index, ...sharedValue.mergeErrorPath],
                };
            }
            newArray.push(sharedValue.data);
        }
        return { valid: true, data: newArray };
    }
    return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
    // Track which side(s) reject each key. A key rejection is reported only when BOTH sides reject it, so a key owned by one branch survives the other's key schema. strictObject reports these as unrecognized_keys; a record with an open key schema reports one invalid_key per key.
    const unrecKeys = new Map();
    let unrecIssue;
    const keyIssues = new Map();
    const collect = (iss, side) => {
        let keys;
        if (iss.code === "unrecognized_keys" && !iss.path?.length) {
            unrecIssue ?? (unrecIssue = iss);
            keys = iss.keys;
        }
        else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
            const k = String(iss.path[0]);
            if (!keyIssues.has(k))
                keyIssues.set(k, iss);
            keys = [k];
        }
        else {
            return false;
        }
        for (const k of keys) {
            if (!unrecKeys.has(k))
                unrecKeys.set(k, {});
            unrecKeys.get(k)[side] = true;
        }
        return true;
    };
    for (const iss of left.issues) {
        if (!collect(iss, "l"))
            result.issues.push(iss);
    }
    for (const iss of right.issues) {
        if (!collect(iss, "r"))
            result.issues.push(iss);
    }
    // Report only keys rejected by BOTH sides
    const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
    if (bothKeys.length) {
        const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
        if (aggregated.length)
            result.issues.push({ ...unrecIssue, keys: aggregated });
        for (const k of bothKeys) {
            if (!aggregated.includes(k) && keyIssues.has(k))
                result.issues.push(keyIssues.get(k));
        }
    }
    const merged = mergeValues(left.value, right.value);
    if (!merged.valid) {
        if (aborted(result))
            return result;
        throw new Error(`Unmergable intersection. Error path: ` + `${JSON.stringify(merged.mergeErrorPath)}`);
    }
    result.value = merged.data;
    return result;
}
const $ZodRecord = /*@__PURE__*/ $constructor("$ZodRecord", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!isPlainObject(input)) {
            payload.issues.push({
                expected: "record",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        // no guard in either loop below: a record's invalid_key aborts but an enclosing intersection can reconcile it, so a stopped loop hides keys the sibling does not own and the intersection then rejects nothing
        const proms = [];
        const values = def.keyType._zod.values;
        if (values && !def.partial) {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            const recordKeys = new Set();
            for (const key of values) {
                if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
                    recordKeys.add(typeof key === "number" ? key.toString() : key);
                    // A declared __proto__ is stripped but is not an unrecognized key.
                    if (key === "__proto__")
                        continue;
                    const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                    if (keyResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (keyResult.issues.length) {
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                        continue;
                    }
                    const outKey = keyResult.value;
                    if (outKey === "__proto__")
                        continue;
                    const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                    if (result instanceof Promise) {
                        proms.push(result.then((result) => {
                            if (result.issues.length) {
                                payload.issues.push(...prefixIssues(key, result.issues));
                            }
                            payload.value[outKey] = result.value;
                        }));
                    }
                    else {
                        if (result.issues.length) {
                            payload.issues.push(...prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }
                }
            }
            let unrecognized;
            for (const key in input) {
                if (!recordKeys.has(key)) {
                    if (def.mode === "loose") {
                        // skip __proto__ so it can't replace the result prototype via the assignment setter on the plain {} we build into
                        if (key === "__proto__")
                            continue;
                        payload.value[key] = input[key];
                    }
                    else {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        else {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            // An enumerable key schema declares which keys the record owns, so a key outside the set is unrecognized. A non-enumerable one (regex, refine) is a constraint every key must satisfy, so a failing key is invalid. Only the former is reconcilable against the other side of an intersection.
            let unrecognized;
            // Reflect.ownKeys for Symbol-key support; filter non-enumerable to match z.object()
            for (const key of Reflect.ownKeys(input)) {
                if (key === "__proto__")
                    continue;
                if (!Object.prototype.propertyIsEnumerable.call(input, key))
                    continue;
                let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                if (keyResult instanceof Promise) {
                    throw new Error("Async schemas not supported in object keys currently");
                }
                // Numeric string fallback: if key is a numeric string and failed, retry with Number(key). This handles z.number(), z.literal([1, 2, 3]), and unions containing numeric literals
                const checkNumericKey = typeof key === "string" && number$1.test(key) && keyResult.issues.length;
                if (checkNumericKey) {
                    const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
                    if (retryResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (retryResult.issues.length === 0) {
                        keyResult = retryResult;
                    }
                }
                if (keyResult.issues.length) {
                    if (def.mode === "loose") {
                        // Pass through unchanged
                        payload.value[key] = input[key];
                    }
                    else if (values) {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                    else {
                        // Default "strict" behavior: error on invalid key
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                    }
                    continue;
                }
                // the guard above tests the raw input key, but the key schema can normalize an ordinary key into __proto__; re-check the key we actually write under
                const outKey = keyResult.value;
                if (outKey === "__proto__")
                    continue;
                const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((result) => {
                        if (result.issues.length) {
                            payload.issues.push(...prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }));
                }
                else {
                    if (result.issues.length) {
                        payload.issues.push(...prefixIssues(key, result.issues));
                    }
                    payload.value[outKey] = result.value;
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload;
    };
});
const $ZodEnum = /*@__PURE__*/ $constructor("$ZodEnum", (inst, def) => {
    $ZodType.init(inst, def);
    const values = getEnumValues(def.entries);
    const valuesSet = new Set(values);
    inst._zod.values = valuesSet;
    defineLazyInternal(inst, "pattern", (zod) => {
        const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (valuesSet.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodLiteral = /*@__PURE__*/ $constructor("$ZodLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const values = new Set(def.values);
    inst._zod.values = values;
    defineLazyInternal(inst, "pattern", (zod) => {
        const vals = zod.def.values;
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(vals.length
            ? `^(${vals
                .map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o))
                .join("|")})$`
            : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (values.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values: def.values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodTransform = /*@__PURE__*/ $constructor("$ZodTransform", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "optional";
    globalConfig.memoizer?.guard(inst);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new $ZodEncodeError(inst.constructor.name);
        }
        const _out = def.transform(payload.value, payload);
        if (ctx.async) {
            const output = _out instanceof Promise ? _out : Promise.resolve(_out);
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        if (_out instanceof Promise) {
            throw new $ZodAsyncError();
        }
        payload.value = _out;
        return payload;
    };
});
function handleOptionalResult(payload, result) {
    // A substituting schema that still failed has no usable answer; yield undefined. Its issues are simply dropped: it ran on a payload of its own, so there is no shared array to truncate and nothing of the caller's to lose with it.
    payload.value = result.issues.length ? undefined : result.value;
    return payload;
}
const $ZodOptional = /*@__PURE__*/ $constructor("$ZodOptional", (inst, def) => {
    $ZodType.init(inst, def);
    // .optional() propagates absence rather than substituting for it, so a defaulted inner keeps its rung.
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    inst._zod.optout = "optional";
    defineLazyInternal(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? new Set([...values, undefined]) : undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        if (payload.value === undefined) {
            // Only the top rung substitutes a value for absence; everything else leaves it intact, which is what .optional() means.
            if (def.innerType._zod.optin !== "defaulted")
                return payload;
            // Its own payload, for the same reason $ZodCatch gets one: a pipe forwards an unrecognized key through the caller's issues array, and this must not read that as the substituting schema failing and drop it.
            const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
            if (result instanceof Promise)
                return result.then((result) => handleOptionalResult(payload, result));
            return handleOptionalResult(payload, result);
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodExactOptional = /*@__PURE__*/ $constructor("$ZodExactOptional", (inst, def) => {
    // Call parent init - inherits optin/optout = "optional"
    $ZodOptional.init(inst, def);
    // Override values/pattern to NOT add undefined
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    defineLazyInternal(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
    // Override parse to just delegate (no undefined handling)
    inst._zod.parse = (payload, ctx) => {
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNullable = /*@__PURE__*/ $constructor("$ZodNullable", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : undefined;
    });
    defineLazyInternal(inst, "values", (zod) => {
        return zod.def.innerType._zod.values ? new Set([...zod.def.innerType._zod.values, null]) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        // Forward direction (decode): allow null to pass through
        if (payload.value === null)
            return payload;
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodDefault = /*@__PURE__*/ $constructor("$ZodDefault", (inst, def) => {
    $ZodType.init(inst, def);
    // inst._zod.qin = "true";
    inst._zod.optin = "defaulted";
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply defaults for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
            /**
             * $ZodDefault returns the default value immediately in forward direction.
             * It doesn't pass the default value into the validator ("prefault"). There's no reason to pass the default value through validation. The validity of the default is enforced by TypeScript statically. Otherwise, it's the responsibility of the user to ensure the default is valid. In the case of pipes with divergent in/out types, you can specify the default on the `in` schema of your ZodPipe to set a "prefault" for the pipe.   */
            return payload;
        }
        // Forward direction: continue with default handling
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleDefaultResult(result, def));
        }
        return handleDefaultResult(result, def);
    };
});
function handleDefaultResult(payload, def) {
    if (payload.value === undefined) {
        payload.value = def.defaultValue;
    }
    return payload;
}
const $ZodPrefault = /*@__PURE__*/ $constructor("$ZodPrefault", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "defaulted";
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply prefault for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNonOptional = /*@__PURE__*/ $constructor("$ZodNonOptional", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => {
        const v = zod.def.innerType._zod.values;
        return v ? new Set([...v].filter((x) => x !== undefined)) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleNonOptionalResult(result, inst));
        }
        return handleNonOptionalResult(result, inst);
    };
});
function handleNonOptionalResult(payload, inst) {
    if (!payload.issues.length && payload.value === undefined) {
        payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: payload.value,
            inst,
        });
    }
    return payload;
}
function handleCatchResult(payload, result, def, ctx) {
    if (!result.issues.length) {
        payload.value = result.value;
        // The value carries up, so the flag describing it has to carry with it: a back-edge into a node still being parsed must not be frozen by an enclosing readonly, and its checks belong to the node itself. Guarded so the ordinary case adds no own property.
        if (result.memo)
            payload.memo = true;
        return payload;
    }
    // Spread the inner's own payload, not ours: `value` has to stay the input the catch was handed, and the inner ran on a payload of its own so its issues are already private to this call.
    payload.value = def.catchValue({
        ...result,
        value: payload.value,
        error: {
            issues: result.issues.map((iss) => finalizeIssue(iss, ctx, config())),
        },
        input: payload.value,
    });
    return payload;
}
const $ZodCatch = /*@__PURE__*/ $constructor("$ZodCatch", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply catch logic
        const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleCatchResult(payload, result, def, ctx));
        }
        return handleCatchResult(payload, result, def, ctx);
    };
});
const $ZodPipe = /*@__PURE__*/ $constructor("$ZodPipe", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handlePipeResult(right, def.in, ctx));
            }
            return handlePipeResult(right, def.in, ctx);
        }
        const left = def.in._zod.run(payload, ctx);
        if (left instanceof Promise) {
            return left.then((left) => handlePipeResult(left, def.out, ctx));
        }
        return handlePipeResult(left, def.out, ctx);
    };
});
function handlePipeResult(left, next, ctx) {
    // Any issue stops the pipe, so a failing refinement never feeds its transform. An unrecognized key is the exception: it describes the input's extra properties, not the value being piped, and an enclosing intersection may yet reconcile it.
    if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
        // prevent further checks
        left.aborted = true;
        return left;
    }
    return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
const $ZodReadonly = /*@__PURE__*/ $constructor("$ZodReadonly", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then(handleReadonlyResult);
        }
        return handleReadonlyResult(result);
    };
});
function handleReadonlyResult(payload) {
    // A repeat visit hands back a node that is still being built; freezing it here would make the rest of its keys fail to assign.
    if (!payload.memo)
        payload.value = Object.freeze(payload.value);
    return payload;
}
const $ZodCustom = /*@__PURE__*/ $constructor("$ZodCustom", (inst, def) => {
    $ZodCheck.init(inst, def);
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _) => {
        return payload;
    };
    inst._zod.check = (payload) => {
        const input = payload.value;
        const r = def.fn(input);
        if (r instanceof Promise) {
            return r.then((r) => handleRefineResult(r, payload, input, inst));
        }
        handleRefineResult(r, payload, input, inst);
        return;
    };
});
function handleRefineResult(result, payload, input, inst) {
    if (!result) {
        const _iss = {
            code: "custom",
            input,
            inst, // incorporates params.error into issue reporting
            path: [...(inst._zod.def.path ?? [])], // incorporates params.error into issue reporting
            continue: !inst._zod.def.abort,
            // params: inst._zod.def.params,
        };
        if (inst._zod.def.params)
            _iss.params = inst._zod.def.params;
        payload.issues.push(issue(_iss));
    }
}

class $ZodCyclicError extends Error {
    constructor() {
        super(`Cannot parse a reference cycle that closes through a transform`);
        this.name = "ZodCyclicError";
    }
}
/** Keyed off the context object every schema in one parse call already shares. */
const STATE = "~memo";
const NO_ISSUES = [];
// a value a cycle can close through
function isRef(value) {
    return value !== null && typeof value === "object";
}
// Receivers prefix paths in place, so the cache and every hand-out need their own copies.
function cloneIssues(issues) {
    return issues.map((iss) => (iss.path ? { ...iss, path: iss.path.slice() } : { ...iss }));
}
const recursive = /*@__PURE__*/ new WeakMap();
/** What the walk established, in order of certainty: ordered so the strongest answer among children wins. */
const NONE = 0;
const ASSUMED = 1;
const PROVEN = 2;
/** Whether this schema's subtree contains a cycle, so one parse can re-enter it. */
function isRecursive(inst, stack, resolve) {
    const cached = recursive.get(inst);
    if (cached !== undefined)
        return cached ? PROVEN : NONE;
    // Relative to the walk in progress, so not cached.
    if (stack.has(inst))
        return PROVEN;
    stack.add(inst);
    let result = NONE;
    const check = (child) => {
        if (result !== PROVEN && child?._zod) {
            const answer = isRecursive(child, stack);
            if (answer > result)
                result = answer;
        }
    };
    // `Reflect.ownKeys` rather than `Object.keys`, so a cycle through a declared symbol key is still seen
    const shape = (sh, spread) => {
        let answer = NONE;
        for (const key of Reflect.ownKeys(sh)) {
            const desc = Object.getOwnPropertyDescriptor(sh, key);
            // an object resolves its shape by spread, so a key it does not enumerate is never parsed; `z.properties` reads every own key and so keeps them all
            if (!desc.enumerable)
                continue;
            // resolving runs user code, and a factory mints a fresh subtree per read, so an edge the walk can't follow counts as a cycle
            const child = desc.get ? ASSUMED : desc.value?._zod ? isRecursive(desc.value, stack) : NONE;
            if (child > answer)
                answer = child;
        }
        return answer;
    };
    const merge = (answer) => {
        if (answer > result)
            result = answer;
    };
    const def = inst._zod.def;
    const kind = def.type;
    switch (kind) {
        case "object": {
            const raw = rawShape(def);
            // a def with no raw shape answers `shape` from an accessor of its own, and running that can mint a whole fresh subtree
            merge(raw ? shape(raw) : ASSUMED);
            check(def.catchall);
            break;
        }
        case "array":
            check(def.element);
            break;
        case "tuple":
            for (const el of def.items)
                check(el);
            check(def.rest);
            break;
        case "record":
        case "map":
            check(def.keyType);
            check(def.valueType);
            break;
        case "set":
            check(def.valueType);
            break;
        case "union":
            for (const el of def.options)
                check(el);
            break;
        case "intersection":
            check(def.left);
            check(def.right);
            break;
        case "optional":
        case "nullable":
        case "default":
        case "prefault":
        case "catch":
        case "readonly":
        case "nonoptional":
        case "promise":
        case "success":
            check(def.innerType);
            break;
        case "pipe":
            check(def.in);
            check(def.out);
            break;
        case "function":
            check(def.input);
            check(def.output);
            break;
        // `$ZodLazy` caches its inner on the def, so a resolved edge is followed exactly
        case "lazy": {
            const inner = def._cachedInner ?? (undefined);
            // walked with resolution off: one hop sees past the deferral, and a lazy that yields only another unresolved lazy is generative, so it stops there
            merge(inner ? isRecursive(inner, stack) : ASSUMED);
            break;
        }
        // a leaf by choice: `parts` are regex fragments, not data positions
        case "template_literal":
        // leaves
        case "string":
        case "number":
        case "int":
        case "boolean":
        case "bigint":
        case "symbol":
        case "undefined":
        case "null":
        case "void":
        case "never":
        case "any":
        case "unknown":
        case "date":
        case "nan":
        case "enum":
        case "literal":
        case "file":
        case "transform":
        case "custom":
            break;
        default: {
            // a user-defined kind can still hold children, and only its author knows where, so fall back to scanning the def — skipping accessors, since reading one can run user code
            for (const key in def) {
                const desc = Object.getOwnPropertyDescriptor(def, key);
                if (!desc || desc.get)
                    continue;
                const value = desc.value;
                if (!value || typeof value !== "object")
                    continue;
                if (value._zod)
                    check(value);
                else if (Array.isArray(value))
                    for (const el of value)
                        check(el);
            }
        }
    }
    stack.delete(inst);
    return settle(inst, result);
}
/** An assumed answer must not outlive the resolution that settles it, so only a certain one is cached. */
function settle(inst, answer) {
    if (answer !== ASSUMED)
        recursive.set(inst, answer === PROVEN);
    return answer;
}
function bucketFor(state, inst) {
    let bucket = state.buckets.get(inst);
    if (!bucket) {
        bucket = new WeakMap();
        state.buckets.set(inst, bucket);
    }
    return bucket;
}
// Set immediately before delegating to core and cleared immediately after, so `alloc` registers only for a visit this module is driving.
let handoff;
// Allocated but unfinished entries. `alloc` and the matching pop both happen in the synchronous part of a parse, so they nest even when children are async, and one stack serves every schema.
const open = [];
const memo = {
    alloc(_inst, payload, empty) {
        const bucket = handoff;
        if (!bucket)
            return empty;
        handoff = undefined;
        const entry = { value: empty, issues: null };
        bucket.set(payload.value, entry);
        open.push(entry);
        return empty;
    },
    guard(inst) {
        var _a;
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                // The value is a placeholder a back-edge is still waiting on, so the cycle closes through this transform. Its output can't exist in time to bind.
                if (ctx.direction !== "backward" && isBackEdge(ctx, payload.value))
                    throw new $ZodCyclicError();
                return base(payload, ctx);
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
    attach(inst) {
        var _a;
        let isRecursiveInst;
        let rechecked = false;
        // a recursive schema is re-entered many times per parse and its bucket never changes
        let lastCtx;
        let lastBucket;
        // Wraps `parse` in a deferred so it sees the container's final parse. Core's own deferred copies `parse` into `run` when there are no checks, and it ran first, so `run` is patched to match; with checks, `run` reads `parse` dynamically.
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                if (isRecursiveInst === undefined) {
                    const walked = isRecursive(inst, new Set());
                    if (walked === NONE) {
                        // Nothing here can ever fire, so take it back out.
                        inst._zod.parse = base;
                        if (inst._zod.run === wrapped)
                            inst._zod.run = base;
                        return base(payload, ctx);
                    }
                    // this parse resolves the deferred edges on its own path, so ask once more before latching
                    if (walked === PROVEN || rechecked)
                        isRecursiveInst = true;
                    else
                        rechecked = true;
                }
                const input = payload.value;
                if (!isRef(input))
                    return base(payload, ctx);
                let state = ctx[STATE];
                if (!state) {
                    state = { buckets: new WeakMap(), backEdges: undefined };
                    ctx[STATE] = state;
                }
                let bucket;
                if (lastCtx === ctx) {
                    bucket = lastBucket;
                }
                else {
                    bucket = bucketFor(state, inst);
                    lastCtx = ctx;
                    lastBucket = bucket;
                }
                const hit = bucket.get(input);
                if (hit) {
                    payload.value = hit.value;
                    if (hit.issues) {
                        if (hit.issues.length)
                            payload.issues.push(...cloneIssues(hit.issues));
                    }
                    else {
                        // Still being parsed: its own checks cover it, so skip them here.
                        payload.memo = true;
                        state.backEdges ?? (state.backEdges = new WeakSet());
                        state.backEdges.add(hit.value);
                    }
                    return payload;
                }
                handoff = bucket;
                const depth = open.length;
                const result = base(payload, ctx);
                handoff = undefined;
                // A container that rejected its input outright allocated nothing.
                const entry = open.length > depth ? open.pop() : undefined;
                // Both paths written out so the sync one allocates no closure. It runs once per node, and capturing here cost more than everything else combined.
                if (result instanceof Promise) {
                    return result.then((r) => {
                        if (entry)
                            entry.issues = r.issues.length ? cloneIssues(r.issues) : NO_ISSUES;
                        return r;
                    });
                }
                if (entry)
                    entry.issues = result.issues.length ? cloneIssues(result.issues) : NO_ISSUES;
                return result;
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
};
/** The memoizer that gives containers cycle support. `zod` installs it by default; `zod/mini` opts in with `config({ memoizer: memoizer() })`. */
function memoizer() {
    return memo;
}
/** Whether this value is a node a back-edge resolved to before it finished. */
function isBackEdge(ctx, value) {
    const backEdges = ctx[STATE]?.backEdges;
    return backEdges !== undefined && isRef(value) && backEdges.has(value);
}

const error = () => {
    const Sizable = {
        string: { unit: "characters", verb: "to have" },
        file: { unit: "bytes", verb: "to have" },
        array: { unit: "items", verb: "to have" },
        set: { unit: "items", verb: "to have" },
        map: { unit: "entries", verb: "to have" },
    };
    function getSizing(origin) {
        return Sizable[origin] ?? null;
    }
    const FormatDictionary = {
        regex: "input",
        email: "email address",
        url: "URL",
        emoji: "emoji",
        uuid: "UUID",
        uuidv4: "UUIDv4",
        uuidv6: "UUIDv6",
        nanoid: "nanoid",
        guid: "GUID",
        cuid: "cuid",
        cuid2: "cuid2",
        ulid: "ULID",
        xid: "XID",
        ksuid: "KSUID",
        datetime: "ISO datetime",
        date: "ISO date",
        time: "ISO time",
        duration: "ISO duration",
        ipv4: "IPv4 address",
        ipv6: "IPv6 address",
        mac: "MAC address",
        cidrv4: "IPv4 range",
        cidrv6: "IPv6 range",
        base64: "base64-encoded string",
        base64url: "base64url-encoded string",
        json_string: "JSON string",
        e164: "E.164 number",
        currency_code: "currency code",
        credit_card: "credit card number",
        iban: "IBAN",
        jwt: "JWT",
        template_literal: "input",
    };
    // type names: missing keys = do not translate (use raw value via ?? fallback)
    const TypeDictionary = {
        // Compatibility: "nan" -> "NaN" for display
        nan: "NaN",
        // All other type names omitted - they fall back to raw values via ?? operator
    };
    function getTypeName(type, input) {
        if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
            return String(input);
        }
        return TypeDictionary[type] ?? type;
    }
    return (issue) => {
        switch (issue.code) {
            case "invalid_type": {
                const expected = getTypeName(issue.expected);
                const receivedType = parsedType(issue.input);
                const received = getTypeName(receivedType, issue.input);
                return `Invalid input: expected ${expected}, received ${received}`;
            }
            case "invalid_value":
                if (issue.values.length === 1)
                    return `Invalid input: expected ${stringifyPrimitive(issue.values[0])}`;
                return `Invalid option: expected one of ${joinValues(issue.values, "|")}`;
            case "too_big": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? "<=" : "<";
                const sizing = getSizing(issue.origin);
                if (sizing)
                    return `Too big: expected ${issue.origin ?? "value"} to have ${adj}${issue.maximum.toString()} ${sizing.unit ?? "elements"}`;
                return `Too big: expected ${issue.origin ?? "value"} to be ${adj}${issue.maximum.toString()}`;
            }
            case "too_small": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? ">=" : ">";
                const sizing = getSizing(issue.origin);
                if (sizing) {
                    return `Too small: expected ${issue.origin} to have ${adj}${issue.minimum.toString()} ${sizing.unit}`;
                }
                return `Too small: expected ${issue.origin} to be ${adj}${issue.minimum.toString()}`;
            }
            case "invalid_format": {
                const _issue = issue;
                if (_issue.format === "starts_with") {
                    return `Invalid string: must start with "${_issue.prefix}"`;
                }
                if (_issue.format === "ends_with")
                    return `Invalid string: must end with "${_issue.suffix}"`;
                if (_issue.format === "includes")
                    return `Invalid string: must include "${_issue.includes}"`;
                if (_issue.format === "regex")
                    return `Invalid string: must match pattern ${_issue.pattern}`;
                return `Invalid ${FormatDictionary[_issue.format] ?? issue.format}`;
            }
            case "not_multiple_of":
                return `Invalid number: must be a multiple of ${issue.divisor}`;
            case "unrecognized_keys":
                return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${joinValues(issue.keys, ", ")}`;
            case "invalid_key":
                return `Invalid key in ${issue.origin}`;
            case "invalid_union":
                if (issue.options && Array.isArray(issue.options) && issue.options.length > 0) {
                    const opts = issue.options.map((o) => `'${o}'`).join(" | ");
                    return `Invalid discriminator value. Expected ${opts}`;
                }
                if (issue.inclusive === false) {
                    return "Invalid input: more than one option matched";
                }
                return "Invalid input";
            case "invalid_element":
                return `Invalid value in ${issue.origin}`;
            default:
                return `Invalid input`;
        }
    };
};
function en () {
    return {
        localeError: error(),
    };
}

var _a;
class $ZodRegistry {
    constructor() {
        this._map = new WeakMap();
        this._idmap = new Map();
    }
    add(schema, ..._meta) {
        const meta = _meta[0];
        this._map.set(schema, meta);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.set(meta.id, schema);
        }
        return this;
    }
    clear() {
        this._map = new WeakMap();
        this._idmap = new Map();
        return this;
    }
    remove(schema) {
        const meta = this._map.get(schema);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.delete(meta.id);
        }
        this._map.delete(schema);
        return this;
    }
    get(schema) {
        // return this._map.get(schema) as any;
        // inherit metadata
        const p = schema._zod.parent;
        if (p) {
            const pm = { ...(this.get(p) ?? {}) };
            delete pm.id; // do not inherit id
            const f = { ...pm, ...this._map.get(schema) };
            return Object.keys(f).length ? f : undefined;
        }
        return this._map.get(schema);
    }
    has(schema) {
        return this._map.has(schema);
    }
}
// registries
function registry() {
    return new $ZodRegistry();
}
(_a = globalThis).__zod_globalRegistry ?? (_a.__zod_globalRegistry = registry());
const globalRegistry = globalThis.__zod_globalRegistry;

function snapshotChecks(def) {
    if (def.checks)
        def.checks = [...def.checks];
    return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
    return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _email(Class, params) {
    return new Class({
        type: "string",
        format: "email",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _guid(Class, params) {
    return new Class({
        type: "string",
        format: "guid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v4",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v6",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v7",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _url(Class, params) {
    return new Class({
        type: "string",
        format: "url",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _emoji(Class, params) {
    return new Class({
        type: "string",
        format: "emoji",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class, params) {
    return new Class({
        type: "string",
        format: "nanoid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link _cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
// @__NO_SIDE_EFFECTS__
function _cuid(Class, params) {
    return new Class({
        type: "string",
        format: "cuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class, params) {
    return new Class({
        type: "string",
        format: "cuid2",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class, params) {
    return new Class({
        type: "string",
        format: "ulid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _xid(Class, params) {
    return new Class({
        type: "string",
        format: "xid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class, params) {
    return new Class({
        type: "string",
        format: "ksuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class, params) {
    return new Class({
        type: "string",
        format: "ipv4",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class, params) {
    return new Class({
        type: "string",
        format: "ipv6",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv4",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv6",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64(Class, params) {
    return new Class({
        type: "string",
        format: "base64",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class, params) {
    return new Class({
        type: "string",
        format: "base64url",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _e164(Class, params) {
    return new Class({
        type: "string",
        format: "e164",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class, params) {
    return new Class({
        type: "string",
        format: "jwt",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class, params) {
    return new Class({
        type: "string",
        format: "datetime",
        check: "string_format",
        offset: false,
        local: false,
        precision: null,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class, params) {
    return new Class({
        type: "string",
        format: "date",
        check: "string_format",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class, params) {
    return new Class({
        type: "string",
        format: "time",
        check: "string_format",
        precision: null,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class, params) {
    return new Class({
        type: "string",
        format: "duration",
        check: "string_format",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
    return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "safeint",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
    return new Class({
        type: "boolean",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
    return new Class({
        type: "unknown",
    });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
    return new Class({
        type: "never",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
    return new $ZodCheckLessThan({
        check: "less_than",
        ...normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
    return new $ZodCheckLessThan({
        check: "less_than",
        ...normalizeParams(params),
        value,
        inclusive: true,
    });
}
// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...normalizeParams(params),
        value,
        inclusive: true,
    });
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
    return new $ZodCheckMultipleOf({
        check: "multiple_of",
        ...normalizeParams(params),
        value,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
    const ch = new $ZodCheckMaxLength({
        check: "max_length",
        ...normalizeParams(params),
        maximum,
    });
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
    return new $ZodCheckMinLength({
        check: "min_length",
        ...normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
    return new $ZodCheckLengthEquals({
        check: "length_equals",
        ...normalizeParams(params),
        length,
    });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
    return new $ZodCheckRegex({
        check: "string_format",
        format: "regex",
        ...normalizeParams(params),
        pattern,
    });
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
    return new $ZodCheckLowerCase({
        check: "string_format",
        format: "lowercase",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
    return new $ZodCheckUpperCase({
        check: "string_format",
        format: "uppercase",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
    return new $ZodCheckIncludes({
        check: "string_format",
        format: "includes",
        ...normalizeParams(params),
        includes,
    });
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
    return new $ZodCheckStartsWith({
        check: "string_format",
        format: "starts_with",
        ...normalizeParams(params),
        prefix,
    });
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
    return new $ZodCheckEndsWith({
        check: "string_format",
        format: "ends_with",
        ...normalizeParams(params),
        suffix,
    });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
    return new $ZodCheckOverwrite({
        check: "overwrite",
        tx,
    });
}
// normalize
// @__NO_SIDE_EFFECTS__
function _normalize(form) {
    return _overwrite((input) => input.normalize(form));
}
// trim
// @__NO_SIDE_EFFECTS__
function _trim() {
    return _overwrite((input) => input.trim());
}
// toLowerCase
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
    return _overwrite((input) => input.toLowerCase());
}
// toUpperCase
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
    return _overwrite((input) => input.toUpperCase());
}
// slugify
// @__NO_SIDE_EFFECTS__
function _slugify() {
    return _overwrite((input) => slugify(input));
}
// @__NO_SIDE_EFFECTS__
function _array(Class, element, params) {
    return new Class({
        type: "array",
        element,
        // get element() {
        //   return element;
        // },
        ...normalizeParams(params),
    });
}
// same as _custom but defaults to abort:false
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...normalizeParams(_params),
    });
    return schema;
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
    const ch = _check((payload) => {
        payload.addIssue = (issue$1) => {
            if (typeof issue$1 === "string") {
                payload.issues.push(issue(issue$1, payload.value, ch._zod.def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue$1;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = ch);
                _issue.continue ?? (_issue.continue = !ch._zod.def.abort); // abort is always undefined, so this is always true...
                payload.issues.push(issue(_issue));
            }
        };
        return fn(payload.value, payload);
    }, params);
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
    const ch = new $ZodCheck({
        check: "custom",
        ...normalizeParams(params),
    });
    ch._zod.check = fn;
    return ch;
}

function assignProps(target, ...sources) {
    for (const source of sources) {
        for (const key of Reflect.ownKeys(source)) {
            if (Object.prototype.propertyIsEnumerable.call(source, key)) {
                assignProp(target, key, source[key]);
            }
        }
    }
    return target;
}
// function initializeContext<T extends schemas.$ZodType>(inputs: JSONSchemaGeneratorParams<T>): ToJSONSchemaContext<T> {
//   return {
//     processor: inputs.processor,
//     metadataRegistry: inputs.metadata ?? globalRegistry,
//     target: inputs.target ?? "draft-2020-12",
//     unrepresentable: inputs.unrepresentable ?? "throw",
//   };
// }
function initializeContext(params) {
    // Normalize target: convert old non-hyphenated versions to hyphenated versions
    let target = params?.target ?? "draft-2020-12";
    if (target === "draft-4")
        target = "draft-04";
    if (target === "draft-7")
        target = "draft-07";
    return {
        processors: params.processors ?? {},
        metadataRegistry: params?.metadata ?? globalRegistry,
        target,
        unrepresentable: params?.unrepresentable ?? "throw",
        override: params?.override ?? (() => { }),
        io: params?.io ?? "output",
        counter: 0,
        seen: new Map(),
        sharedDefsExtractedFor: undefined,
        sharedEmitDoneFor: undefined,
        cycles: params?.cycles ?? "ref",
        reused: params?.reused ?? "inline",
        intersections: [],
        deferred: [],
        external: params?.external ?? undefined,
    };
}
/**
 * Applies the `unrepresentable` setting at a site that has no JSON Schema equivalent. Throws
 * `message` unless the setting (or the handler's return value) says otherwise. Returns `true` if a
 * custom JSON Schema was written into `json`, in which case the caller must not write its own.
 */
function handleUnrepresentable(schema, ctx, json, params, message) {
    const result = typeof ctx.unrepresentable === "function"
        ? ctx.unrepresentable({ zodSchema: schema, path: params.path, message })
        : ctx.unrepresentable;
    if (result === "any")
        return false;
    if (result === undefined || result === "throw")
        throw new Error(message);
    Object.assign(json, result);
    return true;
}
// never rename this back to `process`: bundler polyfills inject a top-level `const process` that a lexical declaration of the same name collides with (#6397)
function processSchema(schema, ctx, _params = { path: [], schemaPath: [] }) {
    var _a;
    const def = schema._zod.def;
    // check for schema in seens
    const seen = ctx.seen.get(schema);
    if (seen) {
        seen.count++;
        // check if cycle
        const isCycle = _params.schemaPath.includes(schema);
        if (isCycle) {
            seen.cycle = _params.path;
        }
        return seen.schema;
    }
    // initialize
    const result = { schema: {}, count: 1, cycle: undefined, path: _params.path };
    ctx.seen.set(schema, result);
    ctx.sharedDefsExtractedFor = undefined;
    ctx.sharedEmitDoneFor = undefined;
    // custom method overrides default behavior
    const overrideSchema = schema._zod.toJSONSchema?.();
    if (overrideSchema) {
        result.schema = overrideSchema;
    }
    else {
        const params = {
            ..._params,
            schemaPath: [..._params.schemaPath, schema],
            path: _params.path,
        };
        if (schema._zod.processJSONSchema) {
            schema._zod.processJSONSchema(ctx, result.schema, params);
        }
        else {
            const _json = result.schema;
            const processor = ctx.processors[def.type];
            if (!processor) {
                throw new Error(`[toJSONSchema]: Non-representable type encountered: ${def.type}`);
            }
            processor(schema, ctx, _json, params);
        }
        const parent = schema._zod.parent;
        if (parent) {
            // Also set ref if processor didn't (for inheritance)
            if (!result.ref)
                result.ref = parent;
            processSchema(parent, ctx, params);
            ctx.seen.get(parent).isParent = true;
        }
    }
    // metadata
    const meta = ctx.metadataRegistry.get(schema);
    if (meta)
        assignProps(result.schema, meta);
    if (ctx.io === "input" && isTransforming(schema)) {
        // examples/defaults only apply to output type of pipe
        delete result.schema.examples;
        delete result.schema.default;
    }
    // set prefault as default
    if (ctx.io === "input" && "_prefault" in result.schema)
        (_a = result.schema).default ?? (_a.default = result.schema._prefault);
    delete result.schema._prefault;
    // pulling fresh from ctx.seen in case it was overwritten
    const _result = ctx.seen.get(schema);
    return _result.schema;
}
// Escape a reference token for use in a JSON Pointer fragment (RFC 6901): `~` becomes `~0` and `/` becomes `~1`. The `~` replacement must run first.
function encodeJSONPointerSegment(segment) {
    return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function extractDefs(ctx, schema
// params: EmitParams
) {
    // iterate over seen map;
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // With `external` set, every registered schema resolves through the external branch of `makeURI`, so the root branch below produces the same ref the external branch would — this pass is identical whichever schema it is called with, and only needs to run once.
    if (ctx.external && ctx.sharedDefsExtractedFor === ctx.external)
        return;
    // Track ids to detect duplicates across different schemas
    const idToSchema = new Map();
    for (const entry of ctx.seen.entries()) {
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            const existing = idToSchema.get(id);
            if (existing && existing !== entry[0]) {
                throw new Error(`Duplicate schema id "${id}" detected during JSON Schema conversion. Two different schemas cannot share the same id when converted together.`);
            }
            idToSchema.set(id, entry[0]);
        }
    }
    // returns a ref to the schema defId will be empty if the ref points to an external schema (or #)
    const makeURI = (entry) => {
        // comparing the seen objects because sometimes multiple schemas map to the same seen object. e.g. lazy
        // external is configured
        const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
        if (ctx.external) {
            const externalId = ctx.external.registry.get(entry[0])?.id; // ?? "__shared";// `__schema${ctx.counter++}`;
            // check if schema is in the external registry
            const uriGenerator = ctx.external.uri ?? ((id) => id);
            if (externalId) {
                return { ref: uriGenerator(externalId) };
            }
            // otherwise, add to __shared
            const id = entry[1].defId ?? entry[1].schema.id ?? `schema${ctx.counter++}`;
            entry[1].defId = id; // set defId so it will be reused if needed
            return { defId: id, ref: `${uriGenerator("__shared")}#/${defsSegment}/${encodeJSONPointerSegment(id)}` };
        }
        const uriPrefix = `#`;
        const defUriPrefix = `${uriPrefix}/${defsSegment}/`;
        // an id-less root has nowhere to be extracted to, so it stays inline and self-references as `#`
        if (entry[1] === root && !entry[1].schema.id) {
            return { ref: uriPrefix };
        }
        // self-contained schema
        const defId = entry[1].schema.id ?? `__schema${ctx.counter++}`;
        return { defId, ref: defUriPrefix + encodeJSONPointerSegment(defId) };
    };
    // stored cached version in `def` property remove all properties, set $ref
    const extractToDef = (entry) => {
        // if the schema is already a reference, do not extract it
        if (entry[1].schema.$ref) {
            return;
        }
        const seen = entry[1];
        const { ref, defId } = makeURI(entry);
        seen.def = { ...seen.schema };
        // defId won't be set if the schema is a reference to an external schema or if the schema is the root schema
        if (defId)
            seen.defId = defId;
        // wipe away all properties except $ref
        const schema = seen.schema;
        for (const key in schema) {
            delete schema[key];
        }
        schema.$ref = ref;
    };
    // throw on cycles
    // break cycles
    if (ctx.cycles === "throw") {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.cycle) {
                throw new Error("Cycle detected: " +
                    `#/${seen.cycle?.join("/")}/<root>` +
                    '\n\nSet the `cycles` parameter to `"ref"` to resolve cyclical schemas with defs.');
            }
        }
    }
    // extract schemas into $defs
    for (const entry of ctx.seen.entries()) {
        const seen = entry[1];
        // convert root schema to # $ref
        if (schema === entry[0]) {
            extractToDef(entry); // this has special handling for the root schema
            continue;
        }
        // extract schemas that are in the external registry
        if (ctx.external) {
            const ext = ctx.external.registry.get(entry[0])?.id;
            if (schema !== entry[0] && ext) {
                extractToDef(entry);
                continue;
            }
        }
        // extract schemas with `id` meta
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            extractToDef(entry);
            continue;
        }
        // break cycles
        if (seen.cycle) {
            // any
            extractToDef(entry);
            continue;
        }
        // extract reused schemas
        if (seen.count > 1) {
            if (ctx.reused === "ref") {
                extractToDef(entry);
            }
        }
    }
    if (ctx.external)
        ctx.sharedDefsExtractedFor = ctx.external;
}
/** Rewrites `anyOf: [{type: "a"}, {type: "b"}]` to `type: ["a", "b"]`, which every JSON Schema draft treats as equivalent and most consumers render far better for the nullable case. Only branches that are a bare type assertion qualify — anything carrying a constraint, `$ref`, `const` or metadata is left alone. Runs after `flattenRef`, so a branch an override decorated or `$defs` extraction turned into a `$ref` is no longer bare and correctly stays in `anyOf`. `oneOf` is excluded: `integer` and `number` overlap, so "exactly one" and "at least one" are not the same there. OpenAPI 3.0 is excluded: its `type` must be a single string. */
function compactTypeUnion(schema) {
    const options = schema.anyOf;
    if (!Array.isArray(options) || options.length === 0 || schema.type !== undefined)
        return;
    const types = [];
    for (const option of options) {
        if (!option || typeof option !== "object")
            return;
        // A branch that is itself a compactible union folds into this one — nested `anyOf` and a flat `type` array say the same thing. Compacting it first also makes the result independent of the order this pass walks the seen map in.
        compactTypeUnion(option);
        const keys = Object.keys(option);
        if (keys.length !== 1 || keys[0] !== "type")
            return;
        const type = option.type;
        for (const member of Array.isArray(type) ? type : [type]) {
            if (typeof member !== "string")
                return;
            if (!types.includes(member))
                types.push(member);
        }
    }
    delete schema.anyOf;
    // A `type` array must be non-empty and unique (metaschema); a single member is spelled as a bare string.
    schema.type = types.length === 1 ? types[0] : types;
}
/** Keywords `foldIntersection` knows how to combine. Anything else — `$ref`, `patternProperties`,
 * an annotation like `description` — makes a member unfoldable, so a constraint this does not
 * understand leaves the `allOf` alone instead of being silently dropped or misattributed. */
const FOLDABLE_KEYS = new Set(["type", "properties", "required", "additionalProperties"]);
const UNION_KEYS = ["oneOf", "anyOf"];
/** A member's constraint on a key it does not declare itself. A `catchall` states one; `false`, an absent `additionalProperties`, and the empty schema a loose object emits state nothing. */
function undeclaredConstraint(member) {
    const extra = member.additionalProperties;
    if (extra === undefined || extra === false || typeof extra !== "object" || extra === null)
        return null;
    return Object.keys(extra).length ? extra : null;
}
/** Combines object members into the single object they describe together, or returns `null` if any of them carries a keyword outside {@link FOLDABLE_KEYS}. */
function foldObjects(members) {
    const objects = [];
    for (const member of members) {
        // A boolean subschema is legal JSON Schema and carries no keywords to fold.
        if (typeof member !== "object" || member.type !== "object")
            return null;
        for (const key in member) {
            if (!FOLDABLE_KEYS.has(key))
                return null;
        }
        objects.push(member);
    }
    const properties = {};
    const required = new Set();
    for (const object of objects) {
        for (const key in object.properties) {
            // `in` would report a `__proto__` key as already present via the prototype chain and skip it.
            if (Object.prototype.hasOwnProperty.call(properties, key))
                continue;
            // Every member constrains this key: the ones that declare it say how, and a `catchall` member constrains it too even though it does not name it. The key has to satisfy all of them, which is the same intersection one level down.
            const parts = [];
            for (const other of objects) {
                const part = other.properties?.[key] ?? undeclaredConstraint(other);
                if (part === null || part === undefined)
                    continue;
                if (!parts.some((seen) => JSON.stringify(seen) === JSON.stringify(part)))
                    parts.push(part);
            }
            const merged = parts.length === 1
                ? parts[0]
                : (foldObjects(parts) ?? { allOf: parts });
            assignProp(properties, key, merged);
        }
        for (const key of object.required ?? [])
            required.add(key);
    }
    const folded = { type: "object", properties };
    if (required.size)
        folded.required = [...required];
    // A key no member declares is rejected only when every member rejects it, so the fold is closed only when every member is. Otherwise it carries whatever the `catchall` members demand of such a key.
    if (objects.every((object) => object.additionalProperties === false)) {
        folded.additionalProperties = false;
    }
    else {
        const constraints = [];
        for (const object of objects) {
            const constraint = undeclaredConstraint(object);
            if (constraint && !constraints.some((seen) => JSON.stringify(seen) === JSON.stringify(constraint)))
                constraints.push(constraint);
        }
        if (constraints.length === 1)
            folded.additionalProperties = constraints[0];
        else if (constraints.length > 1)
            folded.additionalProperties = { allOf: constraints };
    }
    return folded;
}
/** `additionalProperties` in an `allOf` member sees only that member's own `properties`, so two
 * closed object members reject each other's keys and the schema validates nothing. Zod's parser
 * pools the key sets instead — `handleIntersectionResults` reports a key as unrecognized only when
 * *every* side rejects it — so the emitted schema has to pool them too, and folding the members
 * into one object is the encoding that says so on every target.
 *
 * This runs from `finalize`, after `extractDefs`, which is what keeps it clear of the `$ref`
 * machinery: a member extracted into `$defs` is already a `$ref` by now and declines to fold, so it
 * keeps its reference and its own closedness rather than being inlined as a stale copy. */
function foldIntersection(json) {
    const allOf = json.allOf;
    if (!Array.isArray(allOf) || allOf.length < 2)
        return;
    // An `override` runs before this pass and may have written object keywords onto the intersection itself. Those are deliberate, so decline rather than overwrite them.
    for (const key of FOLDABLE_KEYS)
        if (key in json)
            return;
    // An intersection distributes over a union: `A & (X | Y)` is `(A & X) | (A & Y)`. Only the first union is distributed over; a second one stays among the members every branch folds against, where it fails the object check and declines the whole intersection rather than multiplying out.
    const unions = allOf.filter((m) => UNION_KEYS.some((k) => Array.isArray(m[k])));
    let folded = null;
    if (!unions.length) {
        folded = foldObjects(allOf);
    }
    else {
        const union = unions[0];
        const keyword = UNION_KEYS.find((k) => Array.isArray(union[k]));
        if (Object.keys(union).length !== 1)
            return;
        const rest = allOf.filter((m) => m !== union);
        const branches = union[keyword].map((branch) => foldObjects([...rest, branch]));
        if (branches.some((b) => !b))
            return;
        folded = { [keyword]: branches };
    }
    if (!folded)
        return;
    delete json.allOf;
    assignProps(json, folded);
}
function finalize(ctx, schema) {
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // flatten refs - inherit properties from parent schemas
    const flattenRef = (zodSchema) => {
        const seen = ctx.seen.get(zodSchema);
        // already processed
        if (seen.ref === null)
            return;
        const schema = seen.def ?? seen.schema;
        const _cached = { ...schema };
        const ref = seen.ref;
        seen.ref = null; // prevent infinite recursion
        if (ref) {
            flattenRef(ref);
            const refSeen = ctx.seen.get(ref);
            const refSchema = refSeen.schema;
            // merge referenced schema into current
            if (refSchema.$ref && (ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0")) {
                // older drafts can't combine $ref with other properties
                schema.allOf = schema.allOf ?? [];
                schema.allOf.push(refSchema);
            }
            else {
                assignProps(schema, refSchema);
            }
            // restore child's own properties (child wins)
            assignProps(schema, _cached);
            const isParentRef = zodSchema._zod.parent === ref;
            // For parent chain, child is a refinement - remove parent-only properties
            if (isParentRef) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (!(key in _cached)) {
                        delete schema[key];
                    }
                }
            }
            // When ref was extracted to $defs, remove properties that match the definition
            if (refSchema.$ref && refSeen.def) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (key in refSeen.def && JSON.stringify(schema[key]) === JSON.stringify(refSeen.def[key])) {
                        delete schema[key];
                    }
                }
            }
        }
        // If parent was extracted (has $ref), propagate $ref to this schema. This handles cases like: readonly().meta({id}).describe() where processor sets ref to innerType but parent should be referenced
        const parent = zodSchema._zod.parent;
        if (parent && parent !== ref) {
            // Ensure parent is processed first so its def has inherited properties
            flattenRef(parent);
            const parentSeen = ctx.seen.get(parent);
            if (parentSeen?.schema.$ref) {
                schema.$ref = parentSeen.schema.$ref;
                // De-duplicate with parent's definition
                if (parentSeen.def) {
                    for (const key in schema) {
                        if (key === "$ref" || key === "allOf")
                            continue;
                        if (key in parentSeen.def && JSON.stringify(schema[key]) === JSON.stringify(parentSeen.def[key])) {
                            delete schema[key];
                        }
                    }
                }
            }
        }
        // execute overrides
        ctx.override({
            zodSchema: zodSchema,
            jsonSchema: schema,
            path: seen.path ?? [],
        });
    };
    // Flattening walks the whole map and clears each `ref` as it goes, so a second call over the same map is a no-op scan. Skip it outright once it has run for a registry conversion.
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of [...ctx.seen.entries()].reverse()) {
            flattenRef(entry[0]);
        }
        if (ctx.target !== "openapi-3.0") {
            for (const entry of ctx.seen.entries()) {
                compactTypeUnion(entry[1].def ?? entry[1].schema);
            }
        }
        for (const rewrite of ctx.deferred)
            rewrite();
        // After flattening, every member that was extracted is a `$ref`, so the fold sees the final shape. A schema that inherits an intersection — through `z.lazy`, or any `ref` chain — holds the same `allOf` array, so fold by array identity to catch every copy.
        if (ctx.intersections.length) {
            const carriers = new Map();
            for (const seen of ctx.seen.values()) {
                for (const json of [seen.schema, seen.def]) {
                    const allOf = json?.allOf;
                    if (!Array.isArray(allOf))
                        continue;
                    const existing = carriers.get(allOf);
                    if (existing)
                        existing.push(json);
                    else
                        carriers.set(allOf, [json]);
                }
            }
            for (const allOf of ctx.intersections) {
                for (const json of carriers.get(allOf) ?? [])
                    foldIntersection(json);
            }
        }
    }
    const result = {};
    if (ctx.target === "draft-2020-12") {
        result.$schema = "https://json-schema.org/draft/2020-12/schema";
    }
    else if (ctx.target === "draft-07") {
        result.$schema = "http://json-schema.org/draft-07/schema#";
    }
    else if (ctx.target === "draft-04") {
        result.$schema = "http://json-schema.org/draft-04/schema#";
    }
    else if (ctx.target === "openapi-3.0") ;
    else ;
    if (ctx.external?.uri) {
        const id = ctx.external.registry.get(schema)?.id;
        if (!id)
            throw new Error("Schema is missing an `id` property");
        result.$id = ctx.external.uri(id);
    }
    // when the root was extracted into $defs, `root.schema` is the `$ref` wrapper and `root.def` is the body that now lives under $defs
    assignProps(result, root.defId ? root.schema : (root.def ?? root.schema));
    // The `id` in `.meta()` is a Zod-specific registration tag used to extract schemas into $defs — it is not user-facing JSON Schema metadata. Strip it from the output body where it would otherwise leak. The id is preserved implicitly via the $defs key (and via $ref paths).
    const rootMetaId = ctx.metadataRegistry.get(schema)?.id;
    if (rootMetaId !== undefined && result.id === rootMetaId)
        delete result.id;
    // build defs object. With `external`, `defs` is the shared object every schema writes into, so the same entries are reassigned on every call. Without it, `defs` is fresh per call and must be rebuilt.
    const defs = ctx.external?.defs ?? {};
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.def && seen.defId) {
                if (seen.def.id === seen.defId)
                    delete seen.def.id;
                assignProp(defs, seen.defId, seen.def);
            }
        }
    }
    if (ctx.external)
        ctx.sharedEmitDoneFor = ctx.external;
    // set definitions in result
    if (ctx.external) ;
    else {
        if (Object.keys(defs).length > 0) {
            if (ctx.target === "draft-2020-12") {
                result.$defs = defs;
            }
            else {
                result.definitions = defs;
            }
        }
    }
    try {
        // this "finalizes" this schema and ensures all cycles are removed each call to finalize() is functionally independent though the seen map is shared
        const finalized = JSON.parse(JSON.stringify(result));
        Object.defineProperty(finalized, "~standard", {
            value: {
                ...schema["~standard"],
                jsonSchema: {
                    input: createStandardJSONSchemaMethod(schema, "input", ctx.processors),
                    output: createStandardJSONSchemaMethod(schema, "output", ctx.processors),
                },
            },
            enumerable: false,
            writable: false,
        });
        return finalized;
    }
    catch (_err) {
        throw new Error("Error converting schema to JSON.");
    }
}
function isTransforming(_schema, _ctx) {
    const ctx = _ctx ?? { seen: new Set() };
    if (ctx.seen.has(_schema))
        return false;
    ctx.seen.add(_schema);
    const def = _schema._zod.def;
    if (def.type === "transform")
        return true;
    if (def.type === "array")
        return isTransforming(def.element, ctx);
    if (def.type === "set")
        return isTransforming(def.valueType, ctx);
    if (def.type === "lazy")
        return isTransforming(def.getter(), ctx);
    if (def.type === "promise" ||
        def.type === "optional" ||
        def.type === "nonoptional" ||
        def.type === "nullable" ||
        def.type === "readonly" ||
        def.type === "default" ||
        def.type === "prefault" ||
        def.type === "catch") {
        return isTransforming(def.innerType, ctx);
    }
    if (def.type === "intersection") {
        return isTransforming(def.left, ctx) || isTransforming(def.right, ctx);
    }
    if (def.type === "record" || def.type === "map") {
        return isTransforming(def.keyType, ctx) || isTransforming(def.valueType, ctx);
    }
    if (def.type === "pipe") {
        if (_schema._zod.traits.has("$ZodCodec"))
            return true;
        return isTransforming(def.in, ctx) || isTransforming(def.out, ctx);
    }
    if (def.type === "object") {
        for (const key in def.shape) {
            if (isTransforming(def.shape[key], ctx))
                return true;
        }
        return false;
    }
    if (def.type === "union") {
        for (const option of def.options) {
            if (isTransforming(option, ctx))
                return true;
        }
        return false;
    }
    if (def.type === "tuple") {
        for (const item of def.items) {
            if (isTransforming(item, ctx))
                return true;
        }
        if (def.rest && isTransforming(def.rest, ctx))
            return true;
        return false;
    }
    return false;
}
/**
 * Creates a toJSONSchema method for a schema instance.
 * This encapsulates the logic of initializing context, processing, extracting defs, and finalizing.
 */
const createToJSONSchemaMethod = (schema, processors = {}) => (params) => {
    const ctx = initializeContext({ ...params, processors });
    processSchema(schema, ctx);
    extractDefs(ctx, schema);
    return finalize(ctx, schema);
};
const createStandardJSONSchemaMethod = (schema, io, processors = {}) => (params) => {
    const { libraryOptions, target } = params ?? {};
    const ctx = initializeContext({ ...(libraryOptions ?? {}), target, io, processors });
    processSchema(schema, ctx);
    extractDefs(ctx, schema);
    return finalize(ctx, schema);
};

const narrowMin = (agg, key, value) => {
    if (agg[key] === undefined || value > agg[key])
        agg[key] = value;
};
const narrowMax = (agg, key, value) => {
    if (agg[key] === undefined || value < agg[key])
        agg[key] = value;
};
const narrowBoth = (agg, value) => {
    narrowMin(agg, "minimum", value);
    narrowMax(agg, "maximum", value);
};
const addDivisor = (agg, value) => {
    agg.multipleOf ?? (agg.multipleOf = []);
    if (!agg.multipleOf.includes(value))
        agg.multipleOf.push(value);
};
const addPattern = (agg, pattern) => {
    agg.patterns ?? (agg.patterns = new Set());
    agg.patterns.add(pattern);
};
const intersectMime = (agg, mime) => {
    agg.mime = agg.mime ? agg.mime.filter((m) => mime.includes(m)) : [...mime];
};
// last-wins, matching the bag's historical write order; the flag keeps an integer format from being lost to a later float one
const setFormat = (agg, format) => {
    agg.format = format;
    if (format.includes("int"))
        agg.isInt = true;
};
const minContributor = (agg, def) => narrowMin(agg, "minimum", def.minimum);
const maxContributor = (agg, def) => narrowMax(agg, "maximum", def.maximum);
const formatContributor = (ranges) => (agg, def) => {
    setFormat(agg, def.format);
    const [minimum, maximum] = ranges[def.format];
    narrowMin(agg, "minimum", minimum);
    narrowMax(agg, "maximum", maximum);
};
const contributors = {
    greater_than: (agg, def) => narrowMin(agg, def.inclusive ? "minimum" : "exclusiveMinimum", def.value),
    less_than: (agg, def) => narrowMax(agg, def.inclusive ? "maximum" : "exclusiveMaximum", def.value),
    multiple_of: (agg, def) => addDivisor(agg, def.value),
    number_format: formatContributor(NUMBER_FORMAT_RANGES),
    bigint_format: formatContributor(BIGINT_FORMAT_RANGES),
    min_length: minContributor,
    max_length: maxContributor,
    length_equals: (agg, def) => narrowBoth(agg, def.length),
    min_size: minContributor,
    max_size: maxContributor,
    size_equals: (agg, def) => narrowBoth(agg, def.size),
    string_format: (agg, def) => {
        setFormat(agg, def.format);
        if (def.pattern)
            addPattern(agg, def.pattern);
        if (def.format === "base64" || def.format === "base64url")
            agg.contentEncoding = def.format;
        if (def.local || def.precision === -1)
            agg.laxFormat = true;
    },
    mime_type: (agg, def) => intersectMime(agg, def.mime),
};
function aggregateChecks(schema) {
    const agg = {};
    const def = schema._zod.def;
    // a format schema is its own first check, same rule as $ZodType init
    const list = schema._zod.traits.has("$ZodCheck")
        ? [schema, ...(def.checks ?? [])]
        : (def.checks ?? []);
    for (const ch of list)
        contributors[ch._zod.def.check]?.(agg, ch._zod.def);
    // reconcile with the bag so third-party onattach contributions still land; first-party residue is never tighter than the fold, so merging it back is idempotent for one and additive for the other
    const bag = schema._zod.bag;
    if (bag.minimum !== undefined)
        narrowMin(agg, "minimum", bag.minimum);
    if (bag.exclusiveMinimum !== undefined)
        narrowMin(agg, "exclusiveMinimum", bag.exclusiveMinimum);
    if (bag.maximum !== undefined)
        narrowMax(agg, "maximum", bag.maximum);
    if (bag.exclusiveMaximum !== undefined)
        narrowMax(agg, "exclusiveMaximum", bag.exclusiveMaximum);
    if (bag.multipleOf !== undefined)
        addDivisor(agg, bag.multipleOf);
    if (bag.format !== undefined) {
        agg.format ?? (agg.format = bag.format);
        if (bag.format.includes("int"))
            agg.isInt = true;
    }
    if (bag.mime)
        intersectMime(agg, bag.mime);
    for (const pattern of bag.patterns ?? [])
        addPattern(agg, pattern);
    return agg;
}
const formatMap = {
    guid: "uuid",
    url: "uri",
    datetime: "date-time",
    json_string: "json-string",
    regex: "", // do not set
};
// ==================== SIMPLE TYPE PROCESSORS ====================
// the runtime patterns are lax so parse paths never overflow the regex stack; the emitted schema swaps in the exact block forms, which zod itself never executes
const exactPatterns = new Map([
    [base64Charset, base64],
    [base64urlCharset, base64url],
]);
const exactPattern = (p) => exactPatterns.get(p) ?? p;
const stringProcessor = (schema, ctx, _json, _params) => {
    const json = _json;
    json.type = "string";
    const { minimum, maximum, format, patterns, contentEncoding, laxFormat } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minLength = minimum;
    if (typeof maximum === "number")
        json.maxLength = maximum;
    // custom pattern overrides format
    if (format) {
        json.format = formatMap[format] ?? format;
        if (json.format === "")
            delete json.format; // empty format is not valid
        // `z.iso.time()` is never full-time, and `laxFormat` carries the datetime shapes that also accept what their keyword forbids
        if (format === "time" || laxFormat) {
            delete json.format;
        }
    }
    if (contentEncoding)
        json.contentEncoding = contentEncoding;
    if (patterns && patterns.size > 0) {
        const patternList = [...patterns].map(exactPattern);
        if (patternList.length === 1)
            json.pattern = patternList[0].source;
        else if (patternList.length > 1) {
            json.allOf = [
                ...patternList.map((regex) => ({
                    ...(ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0"
                        ? { type: "string" }
                        : {}),
                    pattern: regex.source,
                })),
            ];
        }
    }
};
const numberProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const { minimum, maximum, multipleOf, exclusiveMaximum, exclusiveMinimum, isInt } = aggregateChecks(schema);
    json.type = isInt ? "integer" : "number";
    // when both minimum and exclusiveMinimum exist, pick the more restrictive one
    const exMin = typeof exclusiveMinimum === "number" && exclusiveMinimum >= (minimum ?? Number.NEGATIVE_INFINITY);
    const exMax = typeof exclusiveMaximum === "number" && exclusiveMaximum <= (maximum ?? Number.POSITIVE_INFINITY);
    const legacy = ctx.target === "draft-04" || ctx.target === "openapi-3.0";
    if (exMin) {
        if (legacy) {
            json.minimum = exclusiveMinimum;
            json.exclusiveMinimum = true;
        }
        else {
            json.exclusiveMinimum = exclusiveMinimum;
        }
    }
    else if (typeof minimum === "number") {
        json.minimum = minimum;
    }
    if (exMax) {
        if (legacy) {
            json.maximum = exclusiveMaximum;
            json.exclusiveMaximum = true;
        }
        else {
            json.exclusiveMaximum = exclusiveMaximum;
        }
    }
    else if (typeof maximum === "number") {
        json.maximum = maximum;
    }
    if (multipleOf) {
        // JSON Schema requires a divisor strictly greater than zero, and a non-finite one does not survive JSON at all. A negative divisor accepts exactly what its absolute value accepts, so it still maps; zero, NaN and Infinity have no keyword form.
        const divisors = new Set();
        for (const divisor of multipleOf) {
            if (Number.isFinite(divisor) && divisor !== 0)
                divisors.add(Math.abs(divisor));
            else
                handleUnrepresentable(schema, ctx, json, params, `A multipleOf divisor of ${divisor} cannot be represented in JSON Schema`);
        }
        // chained divisors are a conjunction the keyword cannot carry alone, so extras ride an allOf, same as stacked patterns
        const [first, ...rest] = divisors;
        if (first !== undefined)
            json.multipleOf = first;
        if (rest.length)
            json.allOf = [...(json.allOf ?? []), ...rest.map((m) => ({ multipleOf: m }))];
    }
};
const booleanProcessor = (_schema, _ctx, json, _params) => {
    json.type = "boolean";
};
const neverProcessor = (_schema, _ctx, json, _params) => {
    json.not = {};
};
const unknownProcessor = (_schema, _ctx, _json, _params) => {
    // empty schema accepts anything
};
const enumProcessor = (schema, _ctx, json, _params) => {
    const def = schema._zod.def;
    const values = getEnumValues(def.entries);
    // an empty enum accepts nothing, same as z.never()
    if (values.length === 0) {
        json.not = {};
        return;
    }
    // Number enums can have both string and number values
    if (values.every((v) => typeof v === "number"))
        json.type = "number";
    if (values.every((v) => typeof v === "string"))
        json.type = "string";
    json.enum = values;
};
const literalProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // a literal with no values accepts nothing, same as z.never()
    if (def.values.length === 0) {
        json.not = {};
        return;
    }
    const vals = [];
    for (const val of def.values) {
        if (val === undefined) {
            // a custom schema replaces the whole literal, so there is nothing left to accumulate
            if (handleUnrepresentable(schema, ctx, json, params, "Literal `undefined` cannot be represented in JSON Schema"))
                return;
            // otherwise do not add to vals
        }
        else if (typeof val === "bigint") {
            if (handleUnrepresentable(schema, ctx, json, params, "BigInt literals cannot be represented in JSON Schema"))
                return;
            vals.push(Number(val));
        }
        else {
            vals.push(val);
        }
    }
    if (vals.length === 0) ;
    else if (vals.length === 1) {
        const val = vals[0];
        json.type = val === null ? "null" : typeof val;
        if (ctx.target === "draft-04" || ctx.target === "openapi-3.0") {
            json.enum = [val];
        }
        else {
            json.const = val;
        }
    }
    else {
        if (vals.every((v) => typeof v === "number"))
            json.type = "number";
        if (vals.every((v) => typeof v === "string"))
            json.type = "string";
        if (vals.every((v) => typeof v === "boolean"))
            json.type = "boolean";
        if (vals.every((v) => v === null))
            json.type = "null";
        json.enum = vals;
    }
};
const customProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Custom types cannot be represented in JSON Schema");
};
const transformProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Transforms cannot be represented in JSON Schema");
};
// ==================== COMPOSITE TYPE PROCESSORS ====================
const arrayProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minItems = minimum;
    if (typeof maximum === "number")
        json.maxItems = maximum;
    json.type = "array";
    json.items = processSchema(def.element, ctx, {
        ...params,
        path: [...params.path, "items"],
    });
};
// Transform and catch set `optin = "optional"` at runtime so the parser lets them observe an
// absent key, but their declared input type stays required. An input JSON Schema describes the
// declared type, so resolve past them to the schema that actually carries the optionality.
// Used by both `objectProcessor` (for `required`) and `tupleProcessor` (for `minItems`); see
// wiki/optionality.md, "The JSON Schema emitter reads the *static* value".
function inputOptin(schema) {
    const def = schema._zod.def;
    if (def.type === "pipe" && def.in._zod.traits.has("$ZodTransform")) {
        return inputOptin(def.out);
    }
    if (def.type === "catch") {
        return inputOptin(def.innerType);
    }
    return schema._zod.optin;
}
const objectProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const shape = def.shape;
    // dropping it while still emitting `additionalProperties: false` would emit a schema that rejects data this one requires
    const symbolKeys = Object.getOwnPropertySymbols(shape);
    if (symbolKeys.length &&
        handleUnrepresentable(schema, ctx, json, params, "Symbol keys cannot be represented in JSON Schema")) {
        return;
    }
    json.type = "object";
    json.properties = {};
    for (const key in shape) {
        // assignProp so a __proto__ key becomes an own property instead of hitting the inherited setter on the plain {} we build into
        assignProp(json.properties, key, processSchema(shape[key], ctx, {
            ...params,
            path: [...params.path, "properties", key],
        }));
    }
    // required keys
    const requiredKeys = [];
    for (const key of Object.keys(shape)) {
        const field = def.shape[key];
        if (ctx.io === "input" ? inputOptin(field) === undefined : field._zod.optout === undefined) {
            requiredKeys.push(key);
        }
    }
    if (requiredKeys.length > 0) {
        json.required = requiredKeys;
    }
    // catchall
    if (def.catchall?._zod.def.type === "never") {
        // strict
        json.additionalProperties = false;
    }
    else if (!def.catchall) {
        // regular
        if (ctx.io === "output")
            json.additionalProperties = false;
    }
    else if (def.catchall) {
        json.additionalProperties = processSchema(def.catchall, ctx, {
            ...params,
            path: [...params.path, "additionalProperties"],
        });
    }
};
const unionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // Exclusive unions (inclusive === false) use oneOf (exactly one match) instead of anyOf (one or more matches). This includes both z.xor() and discriminated unions
    const isExclusive = def.inclusive === false;
    const options = def.options.map((x, i) => processSchema(x, ctx, {
        ...params,
        path: [...params.path, isExclusive ? "oneOf" : "anyOf", i],
    }));
    if (isExclusive) {
        json.oneOf = options;
    }
    else {
        json.anyOf = options;
    }
};
const intersectionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const a = processSchema(def.left, ctx, {
        ...params,
        path: [...params.path, "allOf", 0],
    });
    const b = processSchema(def.right, ctx, {
        ...params,
        path: [...params.path, "allOf", 1],
    });
    const isSimpleIntersection = (val) => "allOf" in val && Object.keys(val).length === 1;
    const allOf = [
        ...(isSimpleIntersection(a) ? a.allOf : [a]),
        ...(isSimpleIntersection(b) ? b.allOf : [b]),
    ];
    json.allOf = allOf;
    // Recorded innermost first, so a nested intersection has already folded by the time this one is considered. The array is the handle rather than the schema, because a wrapper that inherits this schema shares the same array; `finalize` folds every object holding it. See `foldIntersection`.
    ctx.intersections.push(allOf);
};
/** JSON object keys are always strings, so a numeric record key schema is re-expressed over the
 * numeric-string form the record parser matches. Deferred to `finalize`, after the flatten: a key
 * behind a wrapper only carries its own `type` before then, and a union key only has its branches.
 *
 * A numeric bound cannot apply to a property name, so `minimum` and its siblings are dropped rather
 * than carried over: keeping them beside `type: "string"` reproduces the match-nothing schema this
 * exists to fix. A key that carries one therefore emits wider than the record parses — `z.record(z.number().min(5), V)`
 * accepts `"3"` — which is the deliberate trade, since throwing on it would reject an ordinary schema
 * outright. */
function stringifyKeyNames(bySchema, json, visited) {
    // an extracted key that rewrites cannot go on sharing its definition — the string form a key position needs is not the number form every other reference wants — so it inlines. One that does not rewrite keeps the `$ref`.
    if (json.$ref) {
        // a recursive key holds its own reference inside its definition, so a node already on the path is left alone rather than resolved again
        if (visited.has(json))
            return json;
        visited.add(json);
        const def = bySchema.get(json)?.def;
        if (!def)
            return json;
        const inlined = stringifyKeyNames(bySchema, def, visited);
        return inlined === def ? json : inlined;
    }
    for (const keyword of ["anyOf", "oneOf"]) {
        const branches = json[keyword];
        if (!Array.isArray(branches))
            continue;
        const mapped = branches.map((branch) => stringifyKeyNames(bySchema, branch, visited));
        // rebuilding regardless would detach a key that had nothing to re-express, dropping its `$ref` and leaking the internal `id`
        if (mapped.some((branch, i) => branch !== branches[i]))
            json = { ...json, [keyword]: mapped };
    }
    // a member that already admits a string leaves the key unconstrained, so the node's own type re-expresses only when every member is numeric
    const types = Array.isArray(json.type) ? json.type : [json.type];
    const numericType = !types.includes("string") && types.some((t) => t === "number" || t === "integer");
    // a heterogeneous key carries no type at all, so its numeric members are caught here instead
    const values = json.enum ?? (json.const !== undefined ? [json.const] : undefined);
    if (!numericType && !values?.some((v) => typeof v === "number"))
        return json;
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, format, id, ...rest } = json;
    if (rest.enum)
        rest.enum = rest.enum.map((v) => (typeof v === "number" ? String(v) : v));
    else if (typeof rest.const === "number")
        rest.const = String(rest.const);
    // a heterogeneous key keeps its absent type: the stringified members already say what a key may be
    if (!numericType)
        return rest;
    rest.type = "string";
    if (!values)
        rest.pattern = (types.includes("number") ? number$1 : integer).source;
    return rest;
}
/** Every record of one conversion, so the carriers are found in a single pass rather than once per record. */
const pendingRecords = new WeakMap();
function rewriteKeyNames(ctx) {
    // an extracted key is resolved by the object `extractToDef` left in its place, so the map is built once rather than searched per reference. `_zod.toJSONSchema` can hand the same object to two schemas, so the first entry carrying a body wins, as a search would have found it.
    const bySchema = new Map();
    for (const entry of ctx.seen.values()) {
        if (entry.def && !bySchema.has(entry.schema))
            bySchema.set(entry.schema, entry);
    }
    const rewrites = new Map();
    for (const record of pendingRecords.get(ctx) ?? []) {
        const seen = ctx.seen.get(record);
        const names = (seen?.def ?? seen?.schema)?.propertyNames;
        if (!names || names === true || rewrites.has(names))
            continue;
        const rewritten = stringifyKeyNames(bySchema, names, new Set());
        if (rewritten !== names)
            rewrites.set(names, rewritten);
    }
    if (!rewrites.size)
        return;
    // the flatten has already copied each record's own properties onto every wrapper by reference, and an extracted body is another such copy, so every carrier holding a rewritten key is updated together
    for (const entry of ctx.seen.values()) {
        for (const carrier of [entry.schema, entry.def]) {
            const rewritten = carrier && rewrites.get(carrier.propertyNames);
            if (rewritten)
                carrier.propertyNames = rewritten;
        }
    }
}
const recordProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    json.type = "object";
    // For looseRecord with regex patterns, use patternProperties. This correctly represents "only validate keys matching the pattern" semantics and composes well with allOf (intersections)
    const keyType = def.keyType;
    const patterns = aggregateChecks(keyType).patterns;
    if (def.mode === "loose" && patterns && patterns.size > 0) {
        // Use patternProperties for looseRecord with regex patterns
        const valueSchema = processSchema(def.valueType, ctx, {
            ...params,
            path: [...params.path, "patternProperties", "*"],
        });
        json.patternProperties = {};
        for (const pattern of patterns) {
            assignProp(json.patternProperties, exactPattern(pattern).source, valueSchema);
        }
    }
    else {
        // Default behavior: use propertyNames + additionalProperties
        if (ctx.target === "draft-07" || ctx.target === "draft-2020-12") {
            json.propertyNames = processSchema(def.keyType, ctx, {
                ...params,
                path: [...params.path, "propertyNames"],
            });
            let pending = pendingRecords.get(ctx);
            if (!pending) {
                pending = [];
                pendingRecords.set(ctx, pending);
                ctx.deferred.push(() => rewriteKeyNames(ctx));
            }
            pending.push(schema);
        }
        json.additionalProperties = processSchema(def.valueType, ctx, {
            ...params,
            path: [...params.path, "additionalProperties"],
        });
    }
    // Add required for keys with discrete values (enum, literal, etc.)
    const keyValues = keyType._zod.values;
    // Every key shares one value schema, so an optional-in value makes the whole key set omittable on input. Output keeps them: the exhaustive branch assigns every key, even one whose value came back undefined.
    const omittableOnInput = ctx.io === "input" && inputOptin(def.valueType) !== undefined;
    if (keyValues && !def.partial && !omittableOnInput) {
        const validKeyValues = [...keyValues].filter((v) => typeof v === "string" || typeof v === "number");
        if (validKeyValues.length > 0) {
            json.required = validKeyValues.map(String);
        }
    }
};
const nullableProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const inner = processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    if (ctx.target === "openapi-3.0") {
        seen.ref = def.innerType;
        json.nullable = true;
    }
    else {
        json.anyOf = [inner, { type: "null" }];
    }
};
const nonoptionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
/** Round-trips a default value through JSON so the emitted schema is guaranteed to be valid JSON.
 * A BigInt has no reliable encoding, so it goes through `unrepresentable` like any other
 * unrepresentable value. Returns a sentinel when the caller must not write a default of its own. */
const UNREPRESENTABLE_DEFAULT = Symbol();
function serializeDefaultValue(value, schema, ctx, json, params) {
    let unrepresentable = false;
    const serialized = JSON.stringify(value, (_, val) => {
        if (typeof val !== "bigint")
            return val;
        unrepresentable = true;
        return null;
    });
    if (!unrepresentable)
        return JSON.parse(serialized);
    handleUnrepresentable(schema, ctx, json, params, "BigInt defaults cannot be represented in JSON Schema");
    return UNREPRESENTABLE_DEFAULT;
}
const defaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json.default = value;
};
const prefaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    if (ctx.io !== "input")
        return;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json._prefault = value;
};
const catchProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    let catchValue;
    try {
        catchValue = def.catchValue(undefined);
    }
    catch {
        handleUnrepresentable(schema, ctx, json, params, "Dynamic catch values are not supported in JSON Schema");
        return;
    }
    json.default = catchValue;
};
const pipeProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    const inIsTransform = def.in._zod.traits.has("$ZodTransform");
    const innerType = ctx.io === "input" ? (inIsTransform ? def.out : def.in) : def.out;
    processSchema(innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = innerType;
};
const readonlyProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    json.readOnly = true;
};
const optionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};

/* Prototypes that already carry the lazy helper methods. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedErrorProtos = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
/* Helper methods live as non-enumerable lazy getters on the shared
 * prototype instead of own properties on every instance. On first
 * access the getter allocates the per-instance closure and caches it
 * as a non-enumerable own property, so detached usage still works and
 * the allocation only happens for methods actually touched. */
function _lazyMethod(proto, key, make) {
    Object.defineProperty(proto, key, {
        configurable: true,
        enumerable: false,
        get() {
            const value = make(this);
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
            return value;
        },
        set(value) {
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
        },
    });
}
const initializer = (inst, issues) => {
    $ZodError.init(inst, issues);
    inst.name = "ZodError";
    const proto = Object.getPrototypeOf(inst);
    if (_installedErrorProtos.has(proto))
        return;
    _installedErrorProtos.add(proto);
    _lazyMethod(proto, "format", (self) => (mapper) => formatError(self, mapper));
    _lazyMethod(proto, "flatten", (self) => (mapper) => flattenError(self, mapper));
    _lazyMethod(proto, "addIssue", (self) => (issue) => {
        self.issues.push(issue);
        self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
    });
    _lazyMethod(proto, "addIssues", (self) => (issues) => {
        self.issues.push(...issues);
        self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
    });
    Object.defineProperty(proto, "isEmpty", {
        configurable: true,
        enumerable: false,
        get() {
            return this.issues.length === 0;
        },
    });
};
const ZodRealError = /*@__PURE__*/ $constructor("ZodError", initializer, undefined, {
    Parent: Error,
});
// /** @deprecated Use `z.core.$ZodErrorMapCtx` instead. */
// export type ErrorMapCtx = core.$ZodErrorMapCtx;

const parse = /* @__PURE__ */ _parse(ZodRealError);
const parseAsync = /* @__PURE__ */ _parseAsync(ZodRealError);
const safeParse = /* @__PURE__ */ _safeParse(ZodRealError);
const safeParseAsync = /* @__PURE__ */ _safeParseAsync(ZodRealError);
// Codec functions
const encode = /* @__PURE__ */ _encode(ZodRealError);
const decode = /* @__PURE__ */ _decode(ZodRealError);
const encodeAsync = /* @__PURE__ */ _encodeAsync(ZodRealError);
const decodeAsync = /* @__PURE__ */ _decodeAsync(ZodRealError);
const safeEncode = /* @__PURE__ */ _safeEncode(ZodRealError);
const safeDecode = /* @__PURE__ */ _safeDecode(ZodRealError);
const safeEncodeAsync = /* @__PURE__ */ _safeEncodeAsync(ZodRealError);
const safeDecodeAsync = /* @__PURE__ */ _safeDecodeAsync(ZodRealError);

// Register English as the default locale on first ZodType construction. Hooked into the `ZodType` `$constructor` (rather than a top-level `config(en())` in `external.ts`) so bundlers honoring `sideEffects: false` can't tree-shake it out — see #5953, #5725. An explicit `z.config(z.locales.xx())` call wins regardless of order, since this only sets the default when none is present.
function _ensureDefaultLocale() {
    if (!globalConfig.localeError)
        config(en());
}
// the default memoizer is read by the core container init, which runs before `ZodType.init`, so each container calls this first
function _ensureDefaultMemoizer() {
    if (!globalConfig.memoizer)
        config({ memoizer: memoizer() });
}
const ZodType = /*@__PURE__*/ $constructor("ZodType", (inst, def) => {
    _ensureDefaultLocale();
    $ZodType.init(inst, def);
    inst.def = def;
    inst.type = def.type;
    return inst;
}, {
    check(...chks) {
        const def = this.def;
        return this.clone(mergeDefs(def, {
            checks: [
                ...(def.checks ?? []),
                ...chks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch),
            ],
        }), { parent: true });
    },
    with(...chks) {
        return this.check(...chks);
    },
    clone(def, params) {
        return clone(this, def, params);
    },
    brand() {
        return this;
    },
    register(reg, meta) {
        reg.add(this, meta);
        return this;
    },
    refine(check, params) {
        return this.check(refine(check, params));
    },
    superRefine(refinement, params) {
        return this.check(superRefine(refinement, params));
    },
    overwrite(fn) {
        return this.check(_overwrite(fn));
    },
    optional() {
        return optional(this);
    },
    exactOptional() {
        return exactOptional(this);
    },
    nullable() {
        return nullable(this);
    },
    nullish() {
        return optional(nullable(this));
    },
    nonoptional(params) {
        return nonoptional(this, params);
    },
    array() {
        return array(this);
    },
    or(arg) {
        return union([this, arg]);
    },
    and(arg) {
        return intersection(this, arg);
    },
    transform(tx) {
        return pipe(this, transform(tx));
    },
    default(d) {
        return _default(this, d);
    },
    prefault(d) {
        return prefault(this, d);
    },
    catch(params) {
        return _catch(this, params);
    },
    pipe(target) {
        return pipe(this, target);
    },
    readonly() {
        return readonly(this);
    },
    describe(description) {
        const cl = this.clone();
        globalRegistry.add(cl, { description });
        return cl;
    },
    meta(...args) {
        // overloaded: meta() returns the registered metadata, meta(data) returns a clone with `data` registered. The mapped type picks up the second overload, so we accept variadic any-args and return `any` to satisfy both at runtime.
        if (args.length === 0)
            return globalRegistry.get(this);
        const cl = this.clone();
        globalRegistry.add(cl, args[0]);
        return cl;
    },
    isOptional() {
        return this.safeParse(undefined).success;
    },
    isNullable() {
        return this.safeParse(null).success;
    },
    apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
    },
    // Overrides core's `~standard` to add `jsonSchema`. Must stay a prototype entry: redefining it per instance demotes instances to dictionary mode.
    get "~standard"() {
        return hide(this, "~standard", {
            ...standardProps(this),
            jsonSchema: {
                input: createStandardJSONSchemaMethod(this, "input"),
                output: createStandardJSONSchemaMethod(this, "output"),
            },
        });
    },
    set "~standard"(value) {
        own(this, "~standard", value);
    },
    parse: function _parse(data, params) {
        return parse(this, data, params, { callee: _parse });
    },
    parseAsync: async function _parseAsync(data, params) {
        return await parseAsync(this, data, params, { callee: _parseAsync });
    },
    safeParse(data, params) {
        return safeParse(this, data, params);
    },
    async safeParseAsync(data, params) {
        return safeParseAsync(this, data, params);
    },
    // `spa` is an alias: same function object as `safeParseAsync`, as before.
    get spa() {
        return this?.safeParseAsync;
    },
    set spa(value) {
        own(this, "spa", value);
    },
    validate(data, params) {
        return validate(this, data, params);
    },
    validateAsync(data, params) {
        return validateAsync$1(this, data, params);
    },
    encode: function _encode(data, params) {
        return encode(this, data, params, { callee: _encode });
    },
    decode: function _decode(data, params) {
        return decode(this, data, params, { callee: _decode });
    },
    encodeAsync: async function _encodeAsync(data, params) {
        return await encodeAsync(this, data, params, { callee: _encodeAsync });
    },
    decodeAsync: async function _decodeAsync(data, params) {
        return await decodeAsync(this, data, params, { callee: _decodeAsync });
    },
    safeEncode(data, params) {
        return safeEncode(this, data, params);
    },
    safeDecode(data, params) {
        return safeDecode(this, data, params);
    },
    async safeEncodeAsync(data, params) {
        return safeEncodeAsync(this, data, params);
    },
    async safeDecodeAsync(data, params) {
        return safeDecodeAsync(this, data, params);
    },
    toJSONSchema(params) {
        return createToJSONSchemaMethod(this, {})(params);
    },
    // Reads through to the registry on every access, so it must not cache.
    get description() {
        return globalRegistry.get(this)?.description;
    },
    // No setter: `schema._def = x` throws, as it did when `_def` was a non-writable own property.
    get _def() {
        return this._zod.def;
    },
});
/** @internal */
const _ZodString = /*@__PURE__*/ $constructor("_ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => stringProcessor(inst, ctx, json);
}, 
/*@__PURE__*/ derived({
    format: (inst) => aggregateChecks(inst).format ?? null,
    minLength: (inst) => aggregateChecks(inst).minimum ?? null,
    maxLength: (inst) => aggregateChecks(inst).maximum ?? null,
}, {
    regex(...args) {
        return this.check(_regex(...args));
    },
    includes(...args) {
        return this.check(_includes(...args));
    },
    startsWith(...args) {
        return this.check(_startsWith(...args));
    },
    endsWith(...args) {
        return this.check(_endsWith(...args));
    },
    min(...args) {
        return this.check(_minLength(...args));
    },
    max(...args) {
        return this.check(_maxLength(...args));
    },
    length(...args) {
        return this.check(_length(...args));
    },
    nonempty(...args) {
        return this.check(_minLength(1, ...args));
    },
    lowercase(params) {
        return this.check(_lowercase(params));
    },
    uppercase(params) {
        return this.check(_uppercase(params));
    },
    trim() {
        return this.check(_trim());
    },
    normalize(...args) {
        return this.check(_normalize(...args));
    },
    toLowerCase() {
        return this.check(_toLowerCase());
    },
    toUpperCase() {
        return this.check(_toUpperCase());
    },
    slugify() {
        return this.check(_slugify());
    },
}));
const ZodString = /*@__PURE__*/ $constructor("ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    _ZodString.init(inst, def);
}, {
    email(params) {
        return this.check(_email(ZodEmail, params));
    },
    url(params) {
        return this.check(_url(ZodURL, params));
    },
    jwt(params) {
        return this.check(_jwt(ZodJWT, params));
    },
    emoji(params) {
        return this.check(_emoji(ZodEmoji, params));
    },
    guid(params) {
        return this.check(_guid(ZodGUID, params));
    },
    uuid(params) {
        return this.check(_uuid(ZodUUID, params));
    },
    uuidv4(params) {
        return this.check(_uuidv4(ZodUUID, params));
    },
    uuidv6(params) {
        return this.check(_uuidv6(ZodUUID, params));
    },
    uuidv7(params) {
        return this.check(_uuidv7(ZodUUID, params));
    },
    nanoid(params) {
        return this.check(_nanoid(ZodNanoID, params));
    },
    cuid(params) {
        return this.check(_cuid(ZodCUID, params));
    },
    cuid2(params) {
        return this.check(_cuid2(ZodCUID2, params));
    },
    ulid(params) {
        return this.check(_ulid(ZodULID, params));
    },
    base64(params) {
        return this.check(_base64(ZodBase64, params));
    },
    base64url(params) {
        return this.check(_base64url(ZodBase64URL, params));
    },
    xid(params) {
        return this.check(_xid(ZodXID, params));
    },
    ksuid(params) {
        return this.check(_ksuid(ZodKSUID, params));
    },
    ipv4(params) {
        return this.check(_ipv4(ZodIPv4, params));
    },
    ipv6(params) {
        return this.check(_ipv6(ZodIPv6, params));
    },
    cidrv4(params) {
        return this.check(_cidrv4(ZodCIDRv4, params));
    },
    cidrv6(params) {
        return this.check(_cidrv6(ZodCIDRv6, params));
    },
    e164(params) {
        return this.check(_e164(ZodE164, params));
    },
    datetime(params) {
        return this.check(_isoDateTime(ZodISODateTime, params));
    },
    date(params) {
        return this.check(_isoDate(ZodISODate, params));
    },
    time(params) {
        return this.check(_isoTime(ZodISOTime, params));
    },
    duration(params) {
        return this.check(_isoDuration(ZodISODuration, params));
    },
});
function string(params) {
    return _string(ZodString, params);
}
const ZodStringFormat = /*@__PURE__*/ $constructor("ZodStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    _ZodString.init(inst, def);
});
const ZodISODateTime = /*@__PURE__*/ $constructor("ZodISODateTime", (inst, def) => {
    $ZodISODateTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISODate = /*@__PURE__*/ $constructor("ZodISODate", (inst, def) => {
    $ZodISODate.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISOTime = /*@__PURE__*/ $constructor("ZodISOTime", (inst, def) => {
    $ZodISOTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISODuration = /*@__PURE__*/ $constructor("ZodISODuration", (inst, def) => {
    $ZodISODuration.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodEmail = /*@__PURE__*/ $constructor("ZodEmail", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmail.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodGUID = /*@__PURE__*/ $constructor("ZodGUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodGUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodUUID = /*@__PURE__*/ $constructor("ZodUUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodUUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodURL = /*@__PURE__*/ $constructor("ZodURL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodURL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodEmoji = /*@__PURE__*/ $constructor("ZodEmoji", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmoji.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodNanoID = /*@__PURE__*/ $constructor("ZodNanoID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodNanoID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const ZodCUID = /*@__PURE__*/ $constructor("ZodCUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodCUID2 = /*@__PURE__*/ $constructor("ZodCUID2", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID2.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodULID = /*@__PURE__*/ $constructor("ZodULID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodULID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodXID = /*@__PURE__*/ $constructor("ZodXID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodXID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodKSUID = /*@__PURE__*/ $constructor("ZodKSUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodKSUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodIPv4 = /*@__PURE__*/ $constructor("ZodIPv4", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodIPv6 = /*@__PURE__*/ $constructor("ZodIPv6", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodCIDRv4 = /*@__PURE__*/ $constructor("ZodCIDRv4", (inst, def) => {
    $ZodCIDRv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodCIDRv6 = /*@__PURE__*/ $constructor("ZodCIDRv6", (inst, def) => {
    $ZodCIDRv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodBase64 = /*@__PURE__*/ $constructor("ZodBase64", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodBase64URL = /*@__PURE__*/ $constructor("ZodBase64URL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64URL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodE164 = /*@__PURE__*/ $constructor("ZodE164", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodE164.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodJWT = /*@__PURE__*/ $constructor("ZodJWT", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodJWT.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodNumber = /*@__PURE__*/ $constructor("ZodNumber", (inst, def) => {
    $ZodNumber.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => numberProcessor(inst, ctx, json, params);
    inst.isFinite = true;
}, 
/*@__PURE__*/ derived({
    minValue: (inst) => {
        const { minimum, exclusiveMinimum } = aggregateChecks(inst);
        return Math.max(minimum ?? Number.NEGATIVE_INFINITY, exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
    },
    maxValue: (inst) => {
        const { maximum, exclusiveMaximum } = aggregateChecks(inst);
        return Math.min(maximum ?? Number.POSITIVE_INFINITY, exclusiveMaximum ?? Number.POSITIVE_INFINITY);
    },
    isInt: (inst) => {
        const { isInt, multipleOf } = aggregateChecks(inst);
        return !!isInt || !!multipleOf?.some(Number.isSafeInteger);
    },
    format: (inst) => aggregateChecks(inst).format ?? null,
}, {
    gt(value, params) {
        return this.check(_gt(value, params));
    },
    gte(value, params) {
        return this.check(_gte(value, params));
    },
    min(value, params) {
        return this.check(_gte(value, params));
    },
    lt(value, params) {
        return this.check(_lt(value, params));
    },
    lte(value, params) {
        return this.check(_lte(value, params));
    },
    max(value, params) {
        return this.check(_lte(value, params));
    },
    int(params) {
        return this.check(int(params));
    },
    safe(params) {
        return this.check(int(params));
    },
    positive(params) {
        return this.check(_gt(0, params));
    },
    nonnegative(params) {
        return this.check(_gte(0, params));
    },
    negative(params) {
        return this.check(_lt(0, params));
    },
    nonpositive(params) {
        return this.check(_lte(0, params));
    },
    multipleOf(value, params) {
        return this.check(_multipleOf(value, params));
    },
    step(value, params) {
        return this.check(_multipleOf(value, params));
    },
    finite() {
        return this;
    },
}));
function number(params) {
    return _number(ZodNumber, params);
}
const ZodNumberFormat = /*@__PURE__*/ $constructor("ZodNumberFormat", (inst, def) => {
    $ZodNumberFormat.init(inst, def);
    ZodNumber.init(inst, def);
});
function int(params) {
    return _int(ZodNumberFormat, params);
}
const ZodBoolean = /*@__PURE__*/ $constructor("ZodBoolean", (inst, def) => {
    $ZodBoolean.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => booleanProcessor(inst, ctx, json);
});
function boolean(params) {
    return _boolean(ZodBoolean, params);
}
const ZodUnknown = /*@__PURE__*/ $constructor("ZodUnknown", (inst, def) => {
    $ZodUnknown.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unknownProcessor();
});
function unknown() {
    return _unknown(ZodUnknown);
}
const ZodNever = /*@__PURE__*/ $constructor("ZodNever", (inst, def) => {
    $ZodNever.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => neverProcessor(inst, ctx, json);
});
function never(params) {
    return _never(ZodNever, params);
}
const ZodArray = /*@__PURE__*/ $constructor("ZodArray", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodArray.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => arrayProcessor(inst, ctx, json, params);
    inst.element = def.element;
}, {
    min(n, params) {
        return this.check(_minLength(n, params));
    },
    nonempty(params) {
        return this.check(_minLength(1, params));
    },
    max(n, params) {
        return this.check(_maxLength(n, params));
    },
    length(n, params) {
        return this.check(_length(n, params));
    },
    unwrap() {
        return this.element;
    },
});
function array(element, params) {
    return _array(ZodArray, element, params);
}
const ZodObject = /*@__PURE__*/ $constructor("ZodObject", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodObjectJIT.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => objectProcessor(inst, ctx, json, params);
    installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
}, {
    keyof() {
        return _enum(Object.keys(this._zod.def.shape));
    },
    catchall(catchall) {
        // `mergeDefs` rather than a spread: spreading reads `shape`, and resolving it can mint a whole fresh subtree
        return this.clone(mergeDefs(this._zod.def, { catchall: catchall }));
    },
    passthrough() {
        return this.clone(mergeDefs(this._zod.def, { catchall: unknown() }));
    },
    loose() {
        return this.clone(mergeDefs(this._zod.def, { catchall: unknown() }));
    },
    strict() {
        return this.clone(mergeDefs(this._zod.def, { catchall: never() }));
    },
    strip() {
        return this.clone(mergeDefs(this._zod.def, { catchall: undefined }));
    },
    extend(incoming) {
        return extend(this, incoming);
    },
    safeExtend(incoming) {
        return safeExtend(this, incoming);
    },
    merge(other) {
        return merge(this, other);
    },
    pick(mask) {
        return pick(this, mask);
    },
    omit(mask) {
        return omit(this, mask);
    },
    partial(...args) {
        return partial(ZodOptional, this, args[0]);
    },
    exactPartial(...args) {
        return partial(ZodExactOptional, this, args[0], "exactPartial");
    },
    required(...args) {
        return required(ZodNonOptional, this, args[0]);
    },
});
function object(shape, params) {
    const def = {
        type: "object",
        shape: shape ?? {},
        ...normalizeParams(params),
    };
    return new ZodObject(def);
}
const ZodUnion = /*@__PURE__*/ $constructor("ZodUnion", (inst, def) => {
    $ZodUnion.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unionProcessor(inst, ctx, json, params);
    inst.options = def.options;
});
function union(options, params) {
    return new ZodUnion({
        type: "union",
        options: options,
        ...normalizeParams(params),
    });
}
const ZodDiscriminatedUnion = /*@__PURE__*/ $constructor("ZodDiscriminatedUnion", (inst, def) => {
    ZodUnion.init(inst, def);
    $ZodDiscriminatedUnion.init(inst, def);
});
function discriminatedUnion(discriminator, options, params) {
    // const [options, params] = args;
    return new ZodDiscriminatedUnion({
        type: "union",
        options: options,
        discriminator,
        ...normalizeParams(params),
    });
}
const ZodIntersection = /*@__PURE__*/ $constructor("ZodIntersection", (inst, def) => {
    $ZodIntersection.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => intersectionProcessor(inst, ctx, json, params);
});
function intersection(left, right) {
    return new ZodIntersection({
        type: "intersection",
        left: left,
        right: right,
    });
}
const ZodRecord = /*@__PURE__*/ $constructor("ZodRecord", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodRecord.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => recordProcessor(inst, ctx, json, params);
    inst.keyType = def.keyType;
    inst.valueType = def.valueType;
});
function record(keyType, valueType, params) {
    // v3-compat: z.record(valueType, params?) — defaults keyType to z.string()
    if (!valueType || !valueType._zod) {
        return new ZodRecord({
            type: "record",
            keyType: string(),
            valueType: keyType,
            ...normalizeParams(valueType),
        });
    }
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...normalizeParams(params),
    });
}
// type alksjf = core.output<core.$ZodRecordKey>;
function partialRecord(keyType, valueType, params) {
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...normalizeParams(params),
        partial: true,
    });
}
const ZodEnum = /*@__PURE__*/ $constructor("ZodEnum", (inst, def) => {
    $ZodEnum.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => enumProcessor(inst, ctx, json);
    inst.enum = def.entries;
    // reuse the parsed value set so a numeric TS enum's reverse-mapping keys stay out
    inst.options = [...inst._zod.values];
    const keys = new Set(Object.keys(def.entries));
    inst.extract = (values, params) => {
        const newEntries = {};
        for (const value of values) {
            if (keys.has(value)) {
                newEntries[value] = def.entries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...normalizeParams(params),
            entries: newEntries,
        });
    };
    inst.exclude = (values, params) => {
        const newEntries = { ...def.entries };
        for (const value of values) {
            if (keys.has(value)) {
                delete newEntries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...normalizeParams(params),
            entries: newEntries,
        });
    };
});
function _enum(values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    return new ZodEnum({
        type: "enum",
        entries,
        ...normalizeParams(params),
    });
}
const ZodLiteral = /*@__PURE__*/ $constructor("ZodLiteral", (inst, def) => {
    $ZodLiteral.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => literalProcessor(inst, ctx, json, params);
    inst.values = new Set(def.values);
    Object.defineProperty(inst, "value", {
        get() {
            if (def.values.length > 1) {
                throw new Error("This schema contains multiple valid literal values. Use `.values` instead.");
            }
            return def.values[0];
        },
    });
});
function literal(value, params) {
    return new ZodLiteral({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...normalizeParams(params),
    });
}
const ZodTransform = /*@__PURE__*/ $constructor("ZodTransform", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodTransform.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => transformProcessor(inst, ctx, json, params);
    inst._zod.parse = (payload, _ctx) => {
        if (_ctx.direction === "backward") {
            throw new $ZodEncodeError(inst.constructor.name);
        }
        payload.addIssue = (issue$1) => {
            if (typeof issue$1 === "string") {
                payload.issues.push(issue(issue$1, payload.value, def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue$1;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = inst);
                // _issue.continue ??= true;
                payload.issues.push(issue(_issue));
            }
        };
        const output = def.transform(payload.value, payload);
        if (output instanceof Promise) {
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        payload.value = output;
        return payload;
    };
});
function transform(fn) {
    return new ZodTransform({
        type: "transform",
        transform: fn,
    });
}
const ZodOptional = /*@__PURE__*/ $constructor("ZodOptional", (inst, def) => {
    $ZodOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function optional(innerType) {
    return new ZodOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodExactOptional = /*@__PURE__*/ $constructor("ZodExactOptional", (inst, def) => {
    $ZodExactOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function exactOptional(innerType) {
    return new ZodExactOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodNullable = /*@__PURE__*/ $constructor("ZodNullable", (inst, def) => {
    $ZodNullable.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nullableProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nullable(innerType) {
    return new ZodNullable({
        type: "nullable",
        innerType: innerType,
    });
}
const ZodDefault = /*@__PURE__*/ $constructor("ZodDefault", (inst, def) => {
    $ZodDefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => defaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeDefault = inst.unwrap;
});
function _default(innerType, defaultValue) {
    return new ZodDefault({
        type: "default",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
        },
    });
}
const ZodPrefault = /*@__PURE__*/ $constructor("ZodPrefault", (inst, def) => {
    $ZodPrefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => prefaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function prefault(innerType, defaultValue) {
    return new ZodPrefault({
        type: "prefault",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
        },
    });
}
const ZodNonOptional = /*@__PURE__*/ $constructor("ZodNonOptional", (inst, def) => {
    $ZodNonOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nonoptionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nonoptional(innerType, params) {
    return new ZodNonOptional({
        type: "nonoptional",
        innerType: innerType,
        ...normalizeParams(params),
    });
}
const ZodCatch = /*@__PURE__*/ $constructor("ZodCatch", (inst, def) => {
    $ZodCatch.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => catchProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeCatch = inst.unwrap;
});
function _catch(innerType, catchValue) {
    return new ZodCatch({
        type: "catch",
        innerType: innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : constantCatch(catchValue)),
    });
}
const ZodPipe = /*@__PURE__*/ $constructor("ZodPipe", (inst, def) => {
    $ZodPipe.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => pipeProcessor(inst, ctx, json, params);
    inst.in = def.in;
    inst.out = def.out;
});
function pipe(in_, out) {
    return new ZodPipe({
        type: "pipe",
        in: in_,
        out: out,
        // ...util.normalizeParams(params),
    });
}
const ZodReadonly = /*@__PURE__*/ $constructor("ZodReadonly", (inst, def) => {
    $ZodReadonly.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => readonlyProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function readonly(innerType) {
    return new ZodReadonly({
        type: "readonly",
        innerType: innerType,
    });
}
const ZodCustom = /*@__PURE__*/ $constructor("ZodCustom", (inst, def) => {
    $ZodCustom.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => customProcessor(inst, ctx, json, params);
});
function refine(fn, _params = {}) {
    return _refine(ZodCustom, fn, _params);
}
// superRefine
function superRefine(fn, params) {
    return _superRefine(fn, params);
}

/**
 * The result model: the single source of the types for `results.json`
 * (schema id `arm-virt-bench/results@1`). Contracts fixed in DESIGN.md: metric ids,
 * params, units and directions. Extend compatibly (new optional fields only).
 */
const RESULTS_SCHEMA_ID = 'arm-virt-bench/results@1';
const SUITES = ['hackbench', 'unixbench', 'iozone', 'netperf'];
const SuiteId = _enum(SUITES);
const ENVIRONMENT_KINDS = ['host', 'kvm', 'docker', 'xen-dom0', 'xen-domu'];
const EnvironmentKind = _enum(ENVIRONMENT_KINDS);
const BOOT_MODES = ['linux', 'xen'];
const BootMode = _enum(BOOT_MODES);
const Better = _enum(['higher', 'lower']);
/** Params are numbers where they are numbers (DESIGN.md). */
const ParamValue = union([string(), number().finite()]);
const Params = record(string(), ParamValue);
/** A metric id: `suite.name[.name...]`, lower-case, digits, `_` and `-` inside names. */
const MetricId = string()
    .regex(/^(hackbench|unixbench|iozone|netperf)(\.[a-z0-9][a-z0-9_-]*)+$/, 'not a metric id');
const Unit = string().min(1);
/** What a parser yields: one measured value. */
const ParsedSample = object({
    metric: MetricId,
    params: Params,
    value: number().finite(),
    unit: Unit,
    better: Better,
    /** Warnings the tool attached to this very value (e.g. netperf's confidence "!!! WARNING"). */
    warnings: array(string()).optional(),
});
const Sample = ParsedSample.extend({
    env: string().min(1),
    suite: SuiteId,
    round: number().int().nonnegative(),
    /** `ref` of the raw log in `logs[]` this value was parsed from. */
    log: string().min(1),
});
const Failure = object({
    env: string().min(1),
    suite: union([SuiteId, literal('environment'), literal('board')]),
    params: Params,
    round: number().int().nonnegative(),
    message: string(),
    log: string().optional(),
    /** Machine-readable cause: timeout, parse, exit, transport, missing-tool, setup, cancelled, ... */
    kind: string().optional(),
});
const LogRef = object({
    ref: string().min(1),
    path: string().min(1),
    sha256: string().regex(/^[0-9a-f]{64}$/),
    bytes: number().int().nonnegative(),
});
/**
 * A fingerprint is an open bag of facts (kernel, cmdline, hypervisor, versions, CPU,
 * governor, memory, cgroup limits). Known keys are typed; anything else is kept.
 */
const Fingerprint = object({
    kernel: string().optional(),
    cmdline: string().optional(),
    arch: string().optional(),
    hypervisor: string().optional(),
    hypervisorVersion: string().optional(),
    xenCapabilities: string().optional(),
    kvm: string().optional(),
    qemuVersion: string().optional(),
    dockerVersion: string().optional(),
    cpuModel: string().optional(),
    cpus: number().optional(),
    governor: string().optional(),
    cpuMHz: number().optional(),
    memoryBytes: number().optional(),
    cgroupCpuLimit: string().optional(),
    cgroupMemoryLimit: string().optional(),
    toolVersions: record(string(), string()).optional(),
    /** IOzone's scratch folder as the environment sees it (DESIGN.md, "Measurement paths"). */
    scratch: object({ path: string(), source: string(), fstype: string(), device: string().optional() })
        .optional(),
    /** netperf's peer: where netserver ran, its address, and the interface that carried the traffic. */
    netperfPeer: object({
        kind: _enum(['controller', 'board', 'external', 'self']),
        address: string(),
        via: string(),
    })
        .optional(),
    /** CPUs the environment's benchmark processes may run on, read from inside it. */
    cpusAvailable: number().int().positive().optional(),
    /** Which physical CPUs those are (board numbering), where known. */
    cpuList: string().optional(),
    /** Memory the environment may use (bytes): the least of MemTotal and its cgroup limits. */
    memoryLimitBytes: number().positive().optional(),
})
    .catchall(unknown());
const Bytes = number().int();
/**
 * What one netperf or IOzone cell moved through the environment's I/O paths: counter
 * differences read just before and after the cell (src/engine/io-counters.ts).
 */
const IoCounters = object({
    env: string().min(1),
    suite: SuiteId,
    params: Params,
    round: number().int().nonnegative(),
    nic: object({
        /** The interface inside the environment towards the peer, and its bytes. */
        via: string(),
        rxBytes: Bytes,
        txBytes: Bytes,
        loopback: object({ rxBytes: Bytes, txBytes: Bytes }),
        /** The environment's virtual interface on the board (TAP, vif, veth). */
        board: object({ iface: string(), rxBytes: Bytes, txBytes: Bytes }).optional(),
    })
        .optional(),
    disk: object({
        /** Kernel name of the block device (vda, xvdb, sda2) under the scratch folder. */
        device: string(),
        /** Read inside the environment or, for docker's upper directory, on the board. */
        where: _enum(['environment', 'board']),
        readIos: Bytes,
        readSectors: Bytes,
        writeIos: Bytes,
        writeSectors: Bytes,
    })
        .optional(),
    /** Counters that could not be read, and why. */
    notes: array(string()).optional(),
});
const Environment = object({
    id: string().min(1),
    kind: EnvironmentKind,
    bootMode: BootMode,
    fingerprint: Fingerprint,
    /** Set when the environment could not be measured at all (and why). */
    skipped: string().optional(),
});
/**
 * The round policy of a run that added rounds after looking at its data (adaptive rounds):
 * which rounds were the first look, how much of α the analysis spends there, and which cells
 * got extra rounds. Absent: every cell ran its fixed rounds, one look.
 */
const AdaptiveRounds = object({
    /** Rounds each suite's cells ran before the interim look (rounds 0 … n−1). */
    firstLook: partialRecord(SuiteId, number().int().positive()),
    /** Rounds an extended cell may reach. */
    maxRuns: number().int().positive(),
    /** Share of each test's α spent at the first look; the rest is spent at the final look. */
    alphaFirstLook: number().gt(0).lt(1),
    /** Engine cells (`env/suite/key`) that got extra rounds. */
    extended: array(string()),
    /** Extra rounds run, and why they stopped. */
    extraRounds: number().int().nonnegative().optional(),
    stopped: string().optional(),
});
const RunInfo = object({
    id: string().min(1),
    toolVersion: string(),
    started: string(),
    finished: string().optional(),
    preset: string(),
    configDigest: string(),
    gitSha: string().optional(),
    /** in-progress while the engine runs; complete / partial / cancelled at the end. */
    status: _enum(['in-progress', 'complete', 'partial', 'cancelled']).optional(),
    adaptive: AdaptiveRounds.optional(),
    /**
     * The CPUs and memory every environment was to get (config `resources`), and whether
     * unequal environments were measured on purpose (`allowUnequal`).
     */
    resources: object({
        cpus: number().int().positive().nullable(),
        memoryBytes: number().positive().nullable(),
        cpuList: string().nullable(),
        host: _enum(['cgroup', 'boot']),
        allowUnequal: boolean(),
    })
        .optional(),
});
const Board = object({
    name: string().min(1),
    fingerprints: record(string(), Fingerprint).default({}),
});
/** One file the run put on the board (deploy): where it came from, where it went, its checksum. */
const DeployedFile = object({
    /** kernel, dtb, initrd, xen, modules, guest-kernel, guest-initrd, disk, domain-config, image, context, file */
    role: string().min(1),
    /** Where it applies: `linux` or `xen` (a boot), `env:<id>`, `modules` or `files`. */
    scope: string().min(1),
    /** The workspace path as the config names it. */
    source: string(),
    /** The path on the board (checked with sha256sum after the copy). */
    target: string(),
    sha256: string().regex(/^[0-9a-f]{64}$/),
    bytes: number().int().nonnegative(),
});
/** One trial boot of the under-test slot and how it ended. */
const DeployBoot = object({
    mode: BootMode,
    /** booted: the under-test slot came up (marker seen); fell-back: the board came back on the known-good; unreachable: it did not come back. */
    outcome: _enum(['booted', 'fell-back', 'unreachable']),
    bootId: string().optional(),
    kernel: string().optional(),
    /** Where the console stopped, for a boot that did not come up (boot loader, xen, kernel, init, …). */
    stage: string().optional(),
    message: string().optional(),
    /** `ref` of the console excerpt of this boot in `logs[]`. */
    log: string().optional(),
});
/** What the run deployed (provenance) and how its boots went. Absent: nothing deployed. */
const Deploy = object({
    /** Content id of the deployment (files' sha256, arguments, commands, commit); the boot's slot marker. */
    id: string().min(1),
    /** The commit the files were built from. */
    commit: string().optional(),
    /** A name for the change (e.g. `PR #42`). */
    label: string().optional(),
    /** The under-test slot: its folder on the boot partition and on the board. */
    slot: object({ boot: string(), dir: string() }),
    files: array(DeployedFile),
    /** Command-line arguments under test, by where they go (`linux.kernelArgs`, `xen.xenArgs`, …). */
    args: record(string(), string()).default({}),
    commands: array(object({
        argv: array(string()),
        when: string(),
        mode: BootMode.optional(),
        exitCode: number().int().nullable(),
        log: string().optional(),
    }))
        .default([]),
    /** Boot modes that ran from the under-test slot. */
    modes: array(BootMode).default([]),
    boots: array(DeployBoot).default([]),
    /** deployed: on the board (and every trial boot came up); failed: copying or a command failed; did-not-boot: a trial boot fell back. */
    status: _enum(['in-progress', 'deployed', 'failed', 'did-not-boot']),
    message: string().optional(),
});
const Results = object({
    schema: literal(RESULTS_SCHEMA_ID),
    run: RunInfo,
    board: Board,
    environments: array(Environment),
    samples: array(Sample),
    failures: array(Failure),
    logs: array(LogRef),
    /** Proof of path per netperf/IOzone cell and round (absent in files of older versions). */
    ioCounters: array(IoCounters).optional(),
    /** What the run deployed to the board before measuring (the code under test). */
    deploy: Deploy.optional(),
});

/**
 * Upper limits every config schema applies, each with its reason in the error. Without them a
 * valid-looking config could crash the process before anything was written (`runs:
 * 9007199254740991` built a plan the heap could not hold) or break it silently
 * (`timeoutSeconds: 3000000` overflowed Node's timers, which then fired at once and killed
 * every cell).
 */
/** Node's timers hold at most 2^31 − 1 ms; a longer delay fires immediately. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** The longest timeout in seconds that still fits a timer after conversion to ms (24.8 days). */
const MAX_TIMEOUT_SECONDS = Math.floor(MAX_TIMER_MS / 1000);
const TIMER_REASON = `at most ${MAX_TIMEOUT_SECONDS} s (24.8 days): Node's timers hold 2^31 ms, a longer timeout would fire at once`;
/** A timeout in seconds (> 0 unless `zero` allows 0), within what a timer can hold. */
function timeoutSeconds(options = {}) {
    const base = options.zero ? number().nonnegative() : number().positive();
    return base.max(MAX_TIMEOUT_SECONDS, TIMER_REASON);
}
/** Runs per cell: the paper used 10; 1000 already makes a run of days. */
const MAX_RUNS = 1000;
const Runs = number()
    .int()
    .positive()
    .max(MAX_RUNS, `at most ${MAX_RUNS} runs per cell (the paper used 10; more would take days per cell and environment)`);
/** Values in one list of a suite (each value is a cell per environment and round). */
const MAX_LIST = 64;

const TARGET_ALIAS = 'avb-target';
const JUMP_ALIAS = 'avb-jump';
/**
 * What the transport accepts as host and user (the config schema checks the same, so a bad
 * value is refused when the config is read, not when the run reaches the board): a host name,
 * an IPv4 or an IPv6 address, and a POSIX-ish user name; nothing that ssh_config would read as
 * a second token or a %-expansion.
 */
const HOST_RE = /^[A-Za-z0-9._:-]+$/;
const USER_RE = /^[A-Za-z0-9._][A-Za-z0-9._-]*$/;
const HOST_RULE = 'a host name or an IP address (letters, digits, ".", "-", ":", "_")';
const USER_RULE = 'a user name (letters, digits, ".", "_", "-"; not starting with "-")';
/** A path value for ssh_config: quoted, with `%` escaped (ssh expands %-tokens in paths). */
function pathValue(what, p) {
    if (/["\n\r\0]/.test(p))
        throw new Error(`${what} ${JSON.stringify(p)}: a path with a quote or newline is not supported`);
    return `"${p.replace(/%/g, '%%')}"`;
}
function endpointLines(what, e) {
    if (!HOST_RE.test(e.host))
        throw new Error(`${what} host ${JSON.stringify(e.host)} is not a host name or address`);
    if (!USER_RE.test(e.user))
        throw new Error(`${what} user ${JSON.stringify(e.user)} is not a valid user name`);
    if (!Number.isInteger(e.port) || e.port < 1 || e.port > 65535)
        throw new Error(`${what} port ${e.port} is out of range`);
    return [
        `  HostName ${e.host}`,
        `  Port ${e.port}`,
        `  User ${e.user}`,
        `  UserKnownHostsFile ${pathValue(`${what} knownHosts`, e.knownHosts)}`,
        '  GlobalKnownHostsFile /dev/null',
        // Never accept-new: an unknown or changed host key is a hard failure.
        '  StrictHostKeyChecking yes',
        '  UpdateHostKeys no',
        '  CheckHostIP no',
        '  BatchMode yes',
        '  PasswordAuthentication no',
        '  KbdInteractiveAuthentication no',
        '  IdentityAgent none',
        '  IdentitiesOnly yes',
        ...(e.identityFile ? [`  IdentityFile ${pathValue(`${what} identityFile`, e.identityFile)}`] : []),
        `  ConnectTimeout ${e.connectTimeoutSeconds}`,
        '  ForwardAgent no',
        '  ForwardX11 no',
        '  RequestTTY no',
        '  LogLevel ERROR',
    ];
}
function buildSshConfig(input) {
    const alive = [
        `  ServerAliveInterval ${input.serverAliveIntervalSeconds}`,
        `  ServerAliveCountMax ${input.serverAliveCountMax}`,
    ];
    const lines = [
        '# Written by arm-virt-bench for one transport; removed when it closes.',
        `Host ${TARGET_ALIAS}`,
        ...endpointLines('target', input.target),
        ...alive,
        // Commands use the master when it is up and connect directly otherwise; the master
        // itself is started explicitly (see SshTransport.ensureMaster).
        '  ControlMaster no',
        `  ControlPath ${pathValue('controlPath', input.controlPath)}`,
        ...(input.jump ? [`  ProxyJump ${JUMP_ALIAS}`] : []),
    ];
    if (input.jump) {
        lines.push(`Host ${JUMP_ALIAS}`, ...endpointLines('jump', input.jump), ...alive, '  ControlMaster no', '  ControlPath none');
    }
    return lines.join('\n') + '\n';
}

/**
 * The board section of the config: how the controller reaches the board, which boot
 * modes it has and how to switch between them (U-Boot env, extlinux, grub-reboot or a
 * user command), how to reboot and power-cycle it, per-stage timeouts, an optional
 * serial-console capture and the board lock. Every key is documented in
 * docs/configuration.md (board keys) and docs/boards.md.
 */
/** An argv array: commands are never shell strings built from config. */
const Argv = array(string()).min(1, 'a command needs at least the program name');
/** A host as the ssh transport accepts it (the same rule, so no surprise at run time). */
const SshHostName = string().min(1).max(253).regex(HOST_RE, HOST_RULE);
const SshUser = string().min(1).max(64).regex(USER_RE, USER_RULE);
/** A path that goes into ssh_config: no quote or line break (the transport refuses them). */
const SshPath = string()
    .min(1)
    .refine((p) => !/["\n\r\0]/.test(p), 'a path without quotes or line breaks');
const EnvName = string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'the name of an environment variable');
const SshTargetObject = object({
    host: SshHostName,
    port: number().int().min(1).max(65535).default(22),
    user: SshUser.default('root'),
    /** Private key file; or the name of an environment variable holding the key (a secret). */
    identityFile: SshPath.optional(),
    identityEnv: EnvName.optional(),
    /** known_hosts file the host key is checked against. Required: no silent "accept new". */
    knownHosts: SshPath,
    connectTimeoutSeconds: number().int().positive().max(3600, 'at most 3600 s').default(15),
})
    .strict();
/** One identity, exactly: the transport never falls back to an agent or to ~/.ssh keys. */
function identityRule(t, ctx) {
    if (t.identityFile === undefined && t.identityEnv === undefined) {
        ctx.addIssue({
            code: 'custom',
            path: ['identityFile'],
            message: 'an ssh connection needs a key: identityFile (a private key file) or identityEnv (a variable holding the key); agents and ~/.ssh keys are never used',
        });
    }
    if (t.identityFile !== undefined && t.identityEnv !== undefined) {
        ctx.addIssue({
            code: 'custom',
            path: ['identityEnv'],
            message: 'give identityFile or identityEnv, not both',
        });
    }
}
const SshTarget = SshTargetObject.superRefine(identityRule);
const BoardConnection = discriminatedUnion('type', [
    object({ type: literal('local') }).strict(),
    object({ type: literal('ssh') })
        .extend(SshTargetObject.shape)
        .strict()
        .superRefine(identityRule),
]);
/** A U-Boot variable name (fw_setenv argument): plain identifier characters only. */
const UbootVar$1 = string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'not a U-Boot variable name');
/**
 * A boot-menu label / GRUB entry. Passed as one argv item or through an environment
 * variable, never through a shell; no control characters (it lands in a config file) and
 * no leading '-' (it must not read as an option of grub-reboot).
 */
const MenuLabel = string()
    .max(200)
    .refine((s) => !s.startsWith('-') && ![...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f), {
    message: 'label: one line, no control characters, not starting with "-"',
});
/** One value per boot mode (what the strategy writes to select that mode). */
const PerMode = (t) => object({ linux: t, xen: t }).strict();
const UbootEnvSwitch = object({
    type: literal('uboot-env'),
    /** The variable the board's boot script reads. */
    variable: UbootVar$1.default('bootmode'),
    /** Value of `variable` per mode. */
    values: PerMode(string().min(1).max(256)).default({ linux: 'linux', xen: 'xen' }),
    setenvCommand: Argv.default(['fw_setenv']),
    printenvCommand: Argv.default(['fw_printenv']),
    /**
     * Trial boot of a non-default mode, U-Boot's bootcount convention: `bootcount=0`,
     * `bootlimit`, `altbootcmd` and `upgrade_available=1` are set with the mode; once the
     * mode is verified after boot the controller confirms it (`upgrade_available=0`,
     * `bootcount=0`). A boot that never comes up falls back via `altbootcmd` after a reset.
     */
    oneShot: object({
        bootlimit: number().int().min(1).max(9).default(1),
        altbootcmd: string().min(1).max(512).default('setenv bootmode linux'),
    })
        .strict()
        .optional(),
})
    .strict();
const ExtlinuxSwitch = object({
    type: literal('extlinux'),
    path: string().min(1).default('/boot/extlinux/extlinux.conf'),
    /** The `LABEL` per mode; the strategy rewrites the `DEFAULT` line. */
    labels: PerMode(MenuLabel),
})
    .strict();
const GrubRebootSwitch = object({
    type: literal('grub-reboot'),
    /** GRUB menu entry (title, id or index; `>` for submenus) per mode. */
    entries: PerMode(MenuLabel),
    /** Non-default modes with grub-reboot (next boot only); the default with grub-set-default. */
    rebootCommand: Argv.default(['grub-reboot']),
    setDefaultCommand: Argv.default(['grub-set-default']),
})
    .strict();
const CommandSwitch = object({
    type: literal('command'),
    /** argv per mode that selects the next boot; run on the board (or the controller). */
    commands: PerMode(Argv),
    on: _enum(['board', 'controller']).default('board'),
})
    .strict();
const SwitchStrategy = discriminatedUnion('type', [
    UbootEnvSwitch,
    ExtlinuxSwitch,
    GrubRebootSwitch,
    CommandSwitch,
]);
/** Per-stage limits, seconds. Waits poll the board over SSH; nothing sleeps a fixed time. */
const BoardTimeouts = object({
    /** A switch/reboot/probe command on the board. */
    commandSeconds: timeoutSeconds().default(60),
    /** From the reboot command until SSH stops answering with the old boot id. */
    shutdownSeconds: timeoutSeconds().default(180),
    /** From "down" (or power-on) until SSH answers with a new boot id. */
    bootSeconds: timeoutSeconds().default(300),
    /** At the start: a board that does not answer may still be booting; wait this long before power-cycling it. */
    startSeconds: timeoutSeconds({ zero: true }).default(120),
    /** The power-cycle command itself. */
    powerCycleSeconds: timeoutSeconds().default(120),
    /** One SSH poll attempt. */
    pollSeconds: timeoutSeconds().default(20),
    /** Pause between polls (the polls themselves carry the timing). */
    pollIntervalSeconds: timeoutSeconds({ zero: true }).default(2),
})
    .strict();
const BoardLock = object({
    enabled: boolean().default(true),
    /** Lock directory on the board (created with an atomic mkdir); survives reboots. */
    boardPath: string()
        .regex(/^\/[^\0]*$/, 'an absolute path')
        .default('/var/lib/arm-virt-bench/board.lock'),
    /** Lock file on the controller; default: <tmpdir>/arm-virt-bench-<board name>.lock. */
    localPath: string().optional(),
    /** A board lock older than this (not refreshed) is taken over. */
    staleSeconds: number()
        .int()
        .positive()
        .max(365 * 86_400, 'at most a year (31536000 s)')
        .default(6 * 3600),
})
    .strict();
const BoardConfig = object({
    name: string().min(1).default('local'),
    connection: BoardConnection.default({ type: 'local' }),
    /** The mode the board is left in after every run (also after a failure or cancel). */
    defaultBootMode: BootMode.default('linux'),
    /** How the next boot's mode is chosen; absent: the board cannot switch modes. */
    switch: SwitchStrategy.optional(),
    /** Reboots the board; run on the board. */
    rebootCommand: Argv.default(['systemctl', 'reboot']),
    /** Power-cycles the board when it does not come back (e.g. a PDU CLI); run on the controller. */
    powerCycleCommand: Argv.optional(),
    /** Power-cycles tried before giving up. */
    powerCycleAttempts: number().int().min(0).max(5).default(1),
    /**
     * How long one boot switch takes (reboot and verification), for the ETA until a switch
     * was measured in the run.
     */
    expectedSwitchSeconds: number()
        .nonnegative()
        .max(86_400, 'at most a day (86400 s): it only feeds the ETA')
        .default(120),
    /** Long-running controller command whose output is the serial console (kept in the logs). */
    consoleCommand: Argv.optional(),
    /**
     * Regular expressions that mark a failed boot on the console (e.g. `Kernel panic - not
     * syncing`, a boot script's own failure line): seen while waiting for the board, they end
     * the wait at once and go to the power-cycle. Needs consoleCommand.
     */
    consoleFailurePatterns: array(string()
        .min(1)
        .refine((p) => {
        try {
            new RegExp(p);
            return true;
        }
        catch {
            return false;
        }
    }, { message: 'not a valid regular expression' }))
        .default([]),
    timeouts: BoardTimeouts.prefault({}),
    lock: BoardLock.prefault({}),
})
    .strict()
    .superRefine((b, ctx) => {
    if (b.consoleFailurePatterns.length > 0 && !b.consoleCommand) {
        ctx.addIssue({
            code: 'custom',
            path: ['consoleFailurePatterns'],
            message: 'console failure patterns need consoleCommand (the console is where they are looked for)',
        });
    }
    if (b.switch && b.connection.type === 'local') {
        ctx.addIssue({
            code: 'custom',
            path: ['switch'],
            message: 'boot switching needs connection: ssh (a local runner does not survive its own reboot; drive the board from a controller)',
        });
    }
});

/**
 * Fixed POSIX sh scripts the ssh transport runs on the target with `sh -c SCRIPT name
 * ARGS...`. Values (run id, cwd, env, argv) are only ever positional parameters, never
 * spliced into the script text.
 */
/** The PATH a remote command gets (plus the caller's variables). */
const REMOTE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/**
 * Runs `env -i HOME PATH LANG K=V... argv...` in its own session (setsid), so the whole
 * tree is one process group whose id is written to /tmp/avb-run-ID.pgid: on a timeout the
 * controller kills that group over a second connection (see KILL_SCRIPT). No tty means no
 * SIGHUP reaches the command when the client goes away, hence the explicit kill.
 * When the command exits with 255 (ssh's own failure code) the status is also written to
 * /tmp/avb-run-ID.rc, so the controller can tell "the command said 255" from "ssh failed".
 * Args: ID CWD K=V... ARGV... (argv[0] never contains '=').
 */
const RUN_SCRIPT = `id=$1; cwd=$2; shift 2
pf=/tmp/avb-run-$id.pgid
if ! command -v setsid >/dev/null 2>&1; then
  echo "arm-virt-bench: setsid not found on the target (install util-linux or busybox)" >&2; exit 127
fi
if [ -n "$cwd" ]; then cd "$cwd" || exit 126; fi
exec 3<&0
setsid sh -c 'echo $$ > "$1"; shift; exec "$@"' avb-pg "$pf" env -i "HOME=$HOME" "PATH=${REMOTE_PATH}" LANG=C LC_ALL=C "$@" 0<&3 3<&- &
pid=$!
exec 3<&-
wait "$pid"; rc=$?
rm -f "$pf"
if [ "$rc" = 255 ]; then echo 255 > "/tmp/avb-run-$id.rc"; fi
exit "$rc"
`;
/**
 * Args: ACTION ID GRACE_TENTHS. ACTION=kill: SIGTERM the run's process group, SIGKILL it
 * after the grace. ACTION=status: print the saved 255 status ("255") or "none" (and kill
 * what is left of the run: its connection is gone).
 */
const CONTROL_SCRIPT = `action=$1; id=$2; grace=$3
pf=/tmp/avb-run-$id.pgid; rcf=/tmp/avb-run-$id.rc
if [ "$action" = status ]; then
  if [ -f "$rcf" ]; then cat "$rcf"; rm -f "$rcf"; exit 0; fi
  echo none
fi
i=0
while [ ! -s "$pf" ] && [ "$i" -lt 10 ]; do
  [ "$action" = kill ] || break
  sleep 0.1; i=$((i+1))
done
[ -s "$pf" ] || exit 0
g=$(cat "$pf")
kill -TERM -"$g" 2>/dev/null || exit 0
i=0
while kill -0 -"$g" 2>/dev/null && [ "$i" -lt "$grace" ]; do sleep 0.1; i=$((i+1)); done
kill -KILL -"$g" 2>/dev/null
rm -f "$pf"
exit 0
`;
/** Args: DEST. Unpacks a tar stream from stdin into DEST (created). */
const UNTAR_SCRIPT = `mkdir -p "$1" && tar -C "$1" -xf -`;
/** Args: DEST. Writes stdin to the file DEST (its folder created). */
const WRITE_FILE_SCRIPT = `mkdir -p "$(dirname "$1")" && cat > "$1"`;
/**
 * Inside a container (`docker exec CONTAINER sh -c SCRIPT avb-run ID ARGV...`): runs argv
 * in its own session so the whole tree can be killed with CONTROL_SCRIPT through a second
 * `docker exec`; a non-zero status is also written to /tmp/avb-run-ID.rc so the controller
 * can tell the command's status from a failure of docker itself. Env and cwd are set by
 * `docker exec -e/-w`.
 */
const CONTAINER_RUN_SCRIPT = `id=$1; shift
pf=/tmp/avb-run-$id.pgid
if ! command -v setsid >/dev/null 2>&1; then
  echo "arm-virt-bench: setsid not found in the container" >&2; rc=127; echo $rc > "/tmp/avb-run-$id.rc"; exit $rc
fi
exec 3<&0
setsid sh -c 'echo $$ > "$1"; shift; exec "$@"' avb-pg "$pf" "$@" 0<&3 3<&- &
pid=$!
exec 3<&-
wait "$pid"; rc=$?
rm -f "$pf"
if [ "$rc" != 0 ]; then echo "$rc" > "/tmp/avb-run-$id.rc"; fi
exit "$rc"
`;

/** A transport failure that is not the command's own exit status (connection lost, etc.). */
class TransportError extends Error {
    transport;
    failure;
    name = 'TransportError';
    constructor(message, transport, failure = 'other') {
        super(message);
        this.transport = transport;
        this.failure = failure;
    }
}
/** A failure that waiting, rebooting or power-cycling cannot fix. */
function isConfigFailure(err) {
    return err instanceof TransportError && (err.failure === 'host-key' || err.failure === 'auth');
}

/**
 * Commands in a container: `docker exec [-e K=V] [-w DIR] CONTAINER argv...`, run through
 * the board's transport (docker runs on the board, reached locally or over ssh).
 *
 * The command runs in its own session inside the container (CONTAINER_RUN_SCRIPT); on a
 * timeout or abort its process group is killed by a second `docker exec` (killing the
 * docker client alone would leave the process running in the container), then the client.
 * A non-zero status is checked against the in-container record, so "the command exited 1"
 * and "docker exec failed" (no such container, daemon gone) are told apart.
 */
const ENV_KEY$1 = /^[A-Za-z_][A-Za-z0-9_]*$/;
class DockerExecTransport {
    options;
    description;
    docker;
    grace;
    constructor(options) {
        this.options = options;
        this.docker = options.docker ?? ['docker'];
        this.grace = options.killGraceMs ?? 2000;
        this.description = `docker exec ${options.container} on ${options.board.description}`;
    }
    boardExec(argv, o) {
        return this.options.board.exec([...this.docker, ...argv], { ...o, env: this.options.dockerEnv });
    }
    async exec(argv, options) {
        if (argv.length === 0)
            throw new Error('docker exec: empty argv');
        const env = { PATH: REMOTE_PATH, LANG: 'C', LC_ALL: 'C', ...(options.env ?? {}) };
        const flags = [];
        for (const [k, v] of Object.entries(env)) {
            if (!ENV_KEY$1.test(k))
                throw new Error(`docker exec: ${JSON.stringify(k)} is not an environment variable name`);
            flags.push('-e', `${k}=${v}`);
        }
        if (options.cwd !== undefined)
            flags.push('-w', options.cwd);
        if (options.stdin !== undefined)
            flags.push('-i');
        const id = randomBytes(8).toString('hex');
        // Our own timer and abort: the in-container kill has to happen before the client dies.
        const inner = new AbortController();
        let timedOut = false;
        let cancelled = false;
        let killing;
        const stop = (why) => {
            if (killing)
                return;
            if (why === 'timeout')
                timedOut = true;
            else
                cancelled = true;
            killing = this.control('kill', id)
                .catch(() => undefined)
                .then(() => inner.abort());
        };
        const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
        const onAbort = () => stop('abort');
        if (options.signal?.aborted)
            onAbort();
        else
            options.signal?.addEventListener('abort', onAbort, { once: true });
        let r;
        try {
            r = await this.boardExec(['exec', ...flags, this.options.container, 'sh', '-c', CONTAINER_RUN_SCRIPT, 'avb-run', id, ...argv], {
                // The board-side limit is only a backstop behind our own timer.
                timeoutMs: options.timeoutMs + 4 * this.grace + 30_000,
                logPath: options.logPath,
                signal: inner.signal,
                stdin: options.stdin,
            });
        }
        finally {
            clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
        }
        await killing;
        if (timedOut || cancelled)
            return { ...r, exitCode: null, timedOut, cancelled };
        if (r.timedOut || r.cancelled) {
            throw new TransportError(`${this.description}: docker exec did not end after the command was killed`, this.description);
        }
        if (r.exitCode === 0)
            return r;
        // Non-zero: the command's status (recorded inside) or docker failing?
        const status = await this.control('status', id).catch(() => undefined);
        const recorded = status?.exitCode === 0 ? status.output.trim().split('\n')[0] : undefined;
        if (recorded !== undefined && recorded === String(r.exitCode))
            return r;
        const tail = r.output.trim().split('\n').slice(-3).join(' ');
        throw new TransportError(`${this.description}: docker exec failed (exit ${r.exitCode}): ${tail}`, this.description);
    }
    async control(action, id) {
        const tenths = String(Math.max(1, Math.round(this.grace / 100)));
        return this.boardExec(['exec', this.options.container, 'sh', '-c', CONTROL_SCRIPT, 'avb-ctl', action, id, tenths], { timeoutMs: 30_000 + this.grace });
    }
    /**
     * Copies a local (controller) file or directory into the container: first to a temp
     * dir on the board through the board transport, then `docker cp` (a directory's
     * contents land in remotePath, like `cp -r`).
     */
    async copyTo(localPath, remotePath, options = {}) {
        const timeoutMs = options.timeoutMs ?? 600_000;
        const board = this.options.board;
        const tmp = await board.exec(['mktemp', '-d', '/tmp/avb-cp.XXXXXXXX'], { timeoutMs: 30_000 });
        const dir = tmp.output.trim();
        if (tmp.exitCode !== 0 || !dir.startsWith('/tmp/avb-cp.')) {
            throw new Error(`copy to ${this.description}: mktemp on the board failed: ${tmp.output.trim()}`);
        }
        try {
            const staged = posix.join(dir, 'payload');
            await board.copyTo(localPath, staged, { timeoutMs });
            const isDir = await board.exec(['test', '-d', staged], { timeoutMs: 30_000 });
            const parent = posix.dirname(remotePath);
            const mk = await this.exec(['mkdir', '-p', isDir.exitCode === 0 ? remotePath : parent], {
                timeoutMs: 30_000,
            });
            if (mk.exitCode !== 0)
                throw new Error(`copy to ${this.description}: mkdir failed: ${mk.output.trim()}`);
            const src = isDir.exitCode === 0 ? `${staged}/.` : staged;
            const cp = await this.boardExec(['cp', src, `${this.options.container}:${remotePath}`], { timeoutMs });
            if (cp.exitCode !== 0 || cp.timedOut) {
                throw new TransportError(`${this.description}: docker cp failed: ${cp.output.trim()}`, this.description);
            }
        }
        finally {
            await board.exec(['rm', '-rf', dir], { timeoutMs: 30_000 }).catch(() => undefined);
        }
    }
    async close() {
        // The container belongs to the environment; the board transport to the board.
    }
}

/**
 * Linux CPU lists ("0-3,6", as in /sys/devices/system/cpu/online, Cpus_allowed_list and
 * cpuset.cpus): parse, format, and pick the CPUs an environment is given. Pure.
 */
/** "0-3,6" → [0, 1, 2, 3, 6] (sorted, distinct); undefined when not a CPU list. */
function parseCpuList(text) {
    const t = text.trim();
    if (t === '')
        return undefined;
    const out = new Set();
    for (const part of t.split(',')) {
        const m = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(part);
        if (!m)
            return undefined;
        const a = Number(m[1]);
        const b = m[2] === undefined ? a : Number(m[2]);
        if (b < a || b - a > 4096)
            return undefined;
        for (let i = a; i <= b; i++)
            out.add(i);
    }
    return [...out].sort((x, y) => x - y);
}
/** [0, 1, 2, 3, 6] → "0-3,6". */
function formatCpuList(cpus) {
    const sorted = [...new Set(cpus)].sort((a, b) => a - b);
    const parts = [];
    for (let i = 0; i < sorted.length;) {
        let j = i;
        while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1)
            j++;
        parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
        i = j + 1;
    }
    return parts.join(',');
}
/**
 * The CPUs an environment gets: the asked-for list (all of it must be online), else the
 * last `count` online CPUs (CPU 0 usually takes most interrupts and the harness's own
 * work). Throws with the reason when the board has too few.
 */
function pickCpus(online, count, asked) {
    if (asked) {
        const want = parseCpuList(asked) ?? [];
        const off = want.filter((c) => !online.includes(c));
        if (off.length > 0) {
            throw new Error(`resources.cpuList ${asked}: CPU ${formatCpuList(off)} is not online (online: ${formatCpuList(online)})`);
        }
        return want;
    }
    if (count > online.length) {
        throw new Error(`resources.cpus is ${count}, but the board has ${online.length} online CPU${online.length === 1 ? '' : 's'} (${formatCpuList(online)})`);
    }
    return [...online].sort((a, b) => a - b).slice(online.length - count);
}
/** The CPUs of `allowed` that are online (Cpus_allowed_list may name possible, not online, CPUs). */
function effectiveCpus(allowed, online) {
    const a = allowed === undefined ? undefined : parseCpuList(allowed);
    if (!a)
        return undefined;
    const o = online === undefined ? undefined : parseCpuList(online);
    return o ? a.filter((c) => o.includes(c)) : a;
}

/**
 * `resources`: the CPUs and memory every environment gets — the paper's protocol gives the
 * host, the container and the guests the same (1 CPU, 1 GiB), so that an overhead is the
 * cost of the virtualization layer and not of a bigger or smaller machine. How each
 * environment is held to them is in src/environments/resources/; what each really got is
 * read from inside it (fingerprint `cpusAvailable`, `cpuList`, `memoryLimitBytes`), and the
 * analysis marks overheads between unequal environments as incomparable.
 */
const UNITS = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
/** `1g`, `512m`, `1536M`, `1GiB`, `1073741824` → bytes (binary units, as docker's --memory). */
function parseMemorySize(text) {
    const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(text.trim());
    if (!m)
        return undefined;
    const bytes = Math.round(Number(m[1]) * UNITS[(m[2] ?? '').toLowerCase()]);
    return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}
const MemorySize = string().superRefine((s, ctx) => {
    const bytes = parseMemorySize(s);
    if (bytes === undefined)
        ctx.addIssue({ code: 'custom', message: 'a size like 1g, 512m or 1536MiB' });
    else if (bytes < 64 * 1024 ** 2)
        ctx.addIssue({ code: 'custom', message: 'at least 64m' });
});
const CpuList = string()
    .refine((s) => parseCpuList(s) !== undefined, 'a CPU list like "1", "2-3" or "0,2"');
const ResourcesSettings = object({
    /** CPUs every environment gets (paper: 1); `all`: no CPU limit. */
    cpus: union([number().int().positive(), literal('all')]).default(1),
    /** Memory every environment gets (paper: 1 GiB); `all`: no memory limit. */
    memory: union([MemorySize, literal('all')]).default('1g'),
    /**
     * Which of the board's CPUs (Linux numbering), e.g. "1" or "2-3"; default: the last
     * `cpus` online CPUs (CPU 0 usually takes most interrupts).
     */
    cpuList: CpuList.optional(),
    /**
     * How the host is held to them: `cgroup` (the engine makes a cgroup with a cpuset and a
     * memory limit for the host's benchmark processes, and removes it afterwards) or `boot`
     * (the board's own kernel arguments already do, e.g. maxcpus=1 mem=1G: checked, not applied).
     */
    host: _enum(['cgroup', 'boot']).default('cgroup'),
    /**
     * Measure environments with CPUs or memory unlike the host's on purpose: their overheads
     * are then not marked "unequal resources".
     */
    allowUnequal: boolean().default(false),
})
    .strict()
    .superRefine((r, ctx) => {
    const listed = r.cpuList === undefined ? undefined : parseCpuList(r.cpuList);
    if (listed === undefined)
        return; // absent, or already reported as not a CPU list
    const n = listed.length;
    if (r.cpus === 'all') {
        ctx.addIssue({ code: 'custom', path: ['cpuList'], message: 'cpuList needs cpus to be a number' });
    }
    else if (n !== r.cpus) {
        ctx.addIssue({
            code: 'custom',
            path: ['cpuList'],
            message: `names ${n} CPU${n === 1 ? '' : 's'}, but cpus is ${r.cpus}`,
        });
    }
});
function resolveResources(r) {
    return {
        cpus: r.cpus === 'all' ? null : r.cpus,
        memoryBytes: r.memory === 'all' ? null : parseMemorySize(r.memory),
        cpuList: r.cpuList ?? null,
        host: r.host,
        allowUnequal: r.allowUnequal,
    };
}
/** The paper's setting, used when a config says nothing. */
const DEFAULT_RESOURCES = resolveResources(ResourcesSettings.parse({}));

/**
 * The container's own view of its cgroup limits, for the fingerprint. A fixed script
 * prints `path=value` for the files that exist (cgroup v2 at /sys/fs/cgroup, or v1
 * controllers, including hybrid hosts where v1 controllers sit next to an empty
 * /sys/fs/cgroup/unified); the pure parser below turns that into comparable facts.
 * Inside a `--cpus 1` container `nproc` still prints the host's count: the limit shows
 * only as the CFS quota (v1 `cpu.cfs_quota_us`, v2 `cpu.max`).
 */
/** Args: none. Prints `path=value` for each readable limit file. */
const CGROUP_VIEW_SCRIPT = `for f in /sys/fs/cgroup/cgroup.controllers /sys/fs/cgroup/cpu.max /sys/fs/cgroup/memory.max \\
  /sys/fs/cgroup/cpuset.cpus.effective /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu/cpu.cfs_period_us \\
  /sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us /sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us \\
  /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/cpuset/cpuset.cpus; do
  [ -r "$f" ] && printf '%s=%s\\n' "$f" "$(cat "$f" 2>/dev/null | head -n 1)"
done
exit 0
`;
/** v1 reports "no limit" as a huge page-aligned number (e.g. 9223372036854771712). */
const V1_UNLIMITED$1 = 2n ** 62n;
function parseCgroupView(text) {
    const values = new Map();
    for (const line of text.split('\n')) {
        const eq = line.indexOf('=');
        if (eq > 0)
            values.set(line.slice(0, eq), line.slice(eq + 1).trim());
    }
    const get = (...keys) => {
        for (const k of keys) {
            const v = values.get(k);
            if (v !== undefined && v !== '')
                return v;
        }
        return undefined;
    };
    const v2 = values.has('/sys/fs/cgroup/cgroup.controllers') || values.has('/sys/fs/cgroup/cpu.max');
    const view = { version: v2 ? 'v2' : 'v1' };
    if (v2) {
        view.cpuMax = get('/sys/fs/cgroup/cpu.max');
        view.memoryMax = get('/sys/fs/cgroup/memory.max');
        view.cpuset = get('/sys/fs/cgroup/cpuset.cpus.effective');
    }
    else {
        const quota = get('/sys/fs/cgroup/cpu/cpu.cfs_quota_us', '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us');
        const period = get('/sys/fs/cgroup/cpu/cpu.cfs_period_us', '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us');
        if (quota !== undefined && period !== undefined)
            view.cpuMax = `${quota === '-1' ? 'max' : quota} ${period}`;
        const mem = get('/sys/fs/cgroup/memory/memory.limit_in_bytes');
        if (mem !== undefined && /^\d+$/.test(mem))
            view.memoryMax = BigInt(mem) >= V1_UNLIMITED$1 ? 'max' : mem;
        view.cpuset = get('/sys/fs/cgroup/cpuset/cpuset.cpus');
    }
    const m = view.cpuMax ? /^(\d+) (\d+)$/.exec(view.cpuMax) : null;
    if (m && Number(m[2]) > 0)
        view.cpuLimit = Number(m[1]) / Number(m[2]);
    return view;
}

/**
 * What an environment really got, read from INSIDE it (DESIGN.md, "Measurement paths"):
 * - `cpusAvailable`: CPUs its processes may run on (the shell's affinity, Cpus_allowed_list,
 *   that are online — a cpuset, taskset, a guest's vCPUs or Dom0's vCPUs all show here);
 * - `cpuList`: those CPUs as a list (physical numbering on the host and in containers; the
 *   guests replace it with their pinning as the board sees it, where known);
 * - `memoryLimitBytes`: the least of the memory the kernel has (MemTotal) and every memory
 *   cgroup limit above the shell (v2 memory.max up the tree; v1 hierarchical_memory_limit),
 *   so a container, a cgroup-held host and a guest with 1 GiB all read about 1 GiB.
 * A fixed script prints `@@avb:` sections (spliced into the fingerprint script, and run on
 * its own where an environment collects its fingerprint differently); the parser is pure.
 */
const RESOURCE_VIEW_SECTIONS = `sec cpus_allowed; sed -n 's/^Cpus_allowed_list:[[:space:]]*//p' /proc/self/status 2>/dev/null
sec cpus_online; cat /sys/devices/system/cpu/online 2>/dev/null
sec mem_total; sed -n 's/^MemTotal:[[:space:]]*//p' /proc/meminfo 2>/dev/null
sec memory_limits
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  p=$(sed -n 's/^0:://p' /proc/self/cgroup 2>/dev/null)
  while :; do
    f="/sys/fs/cgroup\${p%/}/memory.max"
    [ -r "$f" ] && echo "v2 $f $(cat "$f" 2>/dev/null)"
    case $p in ''|/) break ;; esac
    p=\${p%/*}
  done
fi
m=$(sed -n 's/^[0-9]*:\\([^:]*,\\)\\{0,1\\}memory\\(,[^:]*\\)\\{0,1\\}:\\(.*\\)$/\\3/p' /proc/self/cgroup 2>/dev/null)
for d in "/sys/fs/cgroup/memory\${m%/}" /sys/fs/cgroup/memory; do
  if [ -r "$d/memory.stat" ]; then
    echo "v1 $d $(sed -n 's/^hierarchical_memory_limit //p' "$d/memory.stat")"
    break
  fi
done`;
/** The sections on their own (for environments that do not run the fingerprint script). */
const RESOURCE_VIEW_SCRIPT = `sec() { printf '\\n@@avb:%s\\n' "$1"; }
${RESOURCE_VIEW_SECTIONS}
sec end
`;
/** Limits of 2^62 and more are v1's "no limit". */
const UNLIMITED = 2 ** 62;
function parseResourceView(s) {
    const view = {};
    const cpus = effectiveCpus(s.cpus_allowed?.trim() || undefined, s.cpus_online?.trim() || undefined);
    if (cpus && cpus.length > 0) {
        view.cpusAvailable = cpus.length;
        view.cpuList = formatCpuList(cpus);
    }
    const candidates = [];
    const kb = /^(\d+)\s*kB/i.exec(s.mem_total?.trim() ?? '');
    if (kb)
        candidates.push({ bytes: Number(kb[1]) * 1024, source: 'MemTotal' });
    for (const line of (s.memory_limits ?? '').split('\n')) {
        const m = /^(v1|v2) (\S+) (\d+)\s*$/.exec(line.trim());
        if (!m)
            continue; // "max", or no value
        const bytes = Number(m[3]);
        if (Number.isFinite(bytes) && bytes > 0 && bytes < UNLIMITED)
            candidates.push({ bytes, source: m[2] });
    }
    if (candidates.length > 0) {
        const least = candidates.reduce((a, b) => (b.bytes < a.bytes ? b : a));
        view.memoryLimitBytes = least.bytes;
        view.memoryLimitSource = least.source;
    }
    return view;
}

/**
 * Each command's stderr is dropped: a missing file or tool just leaves its section empty
 * (busybox containers and minimal guests lack some of them).
 */
const FINGERPRINT_SCRIPT = `
sec() { printf '\\n@@avb:%s\\n' "$1"; }
have() { command -v "$1" >/dev/null 2>&1; }
lim() { if have timeout; then timeout 10 "$@"; else "$@"; fi; }
sec uname; uname -a 2>/dev/null
sec kernel; uname -r 2>/dev/null
sec arch; uname -m 2>/dev/null
sec cmdline; cat /proc/cmdline 2>/dev/null
sec hypervisor_type; cat /sys/hypervisor/type 2>/dev/null
sec hypervisor_version; cat /sys/hypervisor/version/major /sys/hypervisor/version/minor /sys/hypervisor/version/extra 2>/dev/null
sec xen_capabilities; cat /proc/xen/capabilities 2>/dev/null
sec dmesg; dmesg 2>/dev/null | grep -iE 'kvm|hyp|xen' 2>/dev/null | head -n 40
sec dev_kvm; if [ -e /dev/kvm ]; then echo present; else echo absent; fi
sec qemu; for q in qemu-system-aarch64 qemu-system-arm qemu-system-x86_64; do if have "$q"; then lim "$q" --version 2>/dev/null | head -n 1; fi; done
sec docker; if have docker; then lim docker version --format '{{json .}}' 2>/dev/null; fi
sec xl_info; if have xl; then lim xl info 2>/dev/null; fi
sec lscpu; lscpu 2>/dev/null
sec cpuinfo; head -n 60 /proc/cpuinfo 2>/dev/null
sec nproc; nproc 2>/dev/null
sec governor; cat /sys/devices/system/cpu/cpu0/cpufreq/scaling_governor 2>/dev/null
sec cur_freq; cat /sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq 2>/dev/null
sec meminfo; head -n 3 /proc/meminfo 2>/dev/null
sec cgroup_v2_cpu_max; cat /sys/fs/cgroup/cpu.max 2>/dev/null
sec cgroup_v2_memory_max; cat /sys/fs/cgroup/memory.max 2>/dev/null
sec cgroup_v1_cpu; cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu/cpu.cfs_period_us 2>/dev/null
sec cgroup_v1_memory; cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null
sec hackbench; if have hackbench; then hackbench --help 2>&1 | head -n 1; fi
sec netperf; if have netperf; then netperf -V 2>&1; fi
sec iozone; if have iozone; then iozone -v 2>&1 | grep Revision; fi
${RESOURCE_VIEW_SECTIONS}
sec end
`;
/** Runs the fixed script through `transport` and parses what came back. */
async function collectFingerprint(transport, options = {}) {
    const r = await transport.exec(['sh', '-c', FINGERPRINT_SCRIPT], {
        timeoutMs: options.timeoutMs ?? 60_000,
        signal: options.signal,
    });
    if (r.timedOut)
        throw new Error(`fingerprint timed out on ${transport.description}`);
    if (r.cancelled)
        throw new Error('fingerprint cancelled');
    const sections = splitSections(r.output);
    if (!('end' in sections)) {
        throw new Error(`fingerprint script did not complete on ${transport.description} (exit ${r.exitCode}): ${r.output.trim().slice(0, 300)}`);
    }
    return parseFingerprint(sections);
}
/** `@@avb:NAME` sections → trimmed text by name. */
function splitSections(text) {
    const out = {};
    let current;
    let lines = [];
    const flush = () => {
        if (current !== undefined)
            out[current] = lines.join('\n').trim();
    };
    for (const line of text.split(/\r?\n/)) {
        const m = /^@@avb:([a-z0-9_]+)$/.exec(line);
        if (m) {
            flush();
            current = m[1];
            lines = [];
        }
        else if (current !== undefined)
            lines.push(line);
    }
    flush();
    return out;
}
const nonEmpty = (s) => (s && s.trim() !== '' ? s.trim() : undefined);
/** `lscpu`: model name (or ARM's "Model name" per cluster) and CPU count. */
function parseLscpu(text) {
    const field = (name) => {
        const m = new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(text);
        return m?.[1]?.trim();
    };
    const cpus = Number(field('CPU\\(s\\)'));
    const mhz = Number(field('CPU max MHz') ?? field('CPU MHz'));
    return {
        ...(field('Model name') ? { cpuModel: field('Model name') } : {}),
        ...(Number.isInteger(cpus) && cpus > 0 ? { cpus } : {}),
        ...(Number.isFinite(mhz) && mhz > 0 ? { cpuMHz: mhz } : {}),
    };
}
/**
 * `/proc/cpuinfo`: x86 has "model name" and "cpu MHz"; ARM has no model name but
 * "CPU implementer"/"CPU part" (0x41/0xc0f = Cortex-A15), which we keep as is.
 */
function parseCpuinfo(text) {
    const first = (re) => re.exec(text)?.[1]?.trim();
    const model = first(/^model name\s*:\s*(.+)$/m) ?? first(/^Hardware\s*:\s*(.+)$/m);
    const implementer = first(/^CPU implementer\s*:\s*(\S+)/m);
    const part = first(/^CPU part\s*:\s*(\S+)/m);
    const mhz = Number(first(/^cpu MHz\s*:\s*([\d.]+)/m));
    const cpus = (text.match(/^processor\s*:/gm) ?? []).length;
    const cpuModel = model ?? (implementer && part ? `implementer ${implementer} part ${part}` : undefined);
    return {
        ...(cpuModel ? { cpuModel } : {}),
        ...(Number.isFinite(mhz) && mhz > 0 ? { cpuMHz: mhz } : {}),
        ...(cpus > 0 ? { cpus } : {}),
    };
}
/** `/proc/meminfo` MemTotal (kB) → bytes. */
function parseMeminfo(text) {
    const m = /^MemTotal:\s+(\d+)\s*kB/m.exec(text);
    return m ? Number(m[1]) * 1024 : undefined;
}
/** `qemu-system-* --version` first line → "7.2.22". */
function parseQemuVersion(text) {
    return /QEMU emulator version (\S+)/.exec(text)?.[1];
}
/** `docker version --format '{{json .}}'` → the server (engine) version. */
function parseDockerVersionJson(text) {
    const line = text.split('\n').find((l) => l.trim().startsWith('{'));
    if (!line)
        return undefined;
    try {
        const v = JSON.parse(line);
        return typeof v.Server?.Version === 'string' ? v.Server.Version : undefined;
    }
    catch {
        return undefined;
    }
}
/** A v1 memory limit of ~2^63 (page-rounded) means "no limit". */
const V1_UNLIMITED = 2n ** 62n;
/** cgroup v1 `cfs_quota_us` + `cfs_period_us` (two lines) → "max" or "quota/period" (CPUs = quota/period). */
function parseCgroupV1Cpu(text) {
    const [quota, period] = text.split(/\s+/).filter(Boolean);
    if (quota === undefined || period === undefined)
        return undefined;
    if (quota === '-1')
        return 'max';
    return `${quota}/${period}`;
}
/** cgroup v2 `cpu.max` ("max 100000" or "100000 100000") → "max" or "quota/period". */
function parseCgroupV2Cpu(text) {
    const [quota, period] = text.split(/\s+/).filter(Boolean);
    if (quota === undefined)
        return undefined;
    if (quota === 'max')
        return 'max';
    return period ? `${quota}/${period}` : quota;
}
/** A memory limit in bytes, or "max" when unlimited (v2 "max", v1 ~2^63). */
function parseMemoryLimit(text) {
    const t = text.trim();
    if (t === '')
        return undefined;
    if (t === 'max')
        return 'max';
    if (!/^\d+$/.test(t))
        return undefined;
    return BigInt(t) >= V1_UNLIMITED ? 'max' : t;
}
/** Tool versions from `hackbench --help`, `netperf -V`, `iozone -v`. */
function parseToolVersions(sections) {
    const out = {};
    const hb = /hackbench V (\S+)/.exec(sections.hackbench ?? '')?.[1];
    if (hb)
        out.hackbench = hb;
    const np = /Netperf version (\S+)/.exec(sections.netperf ?? '')?.[1];
    if (np)
        out.netperf = np;
    const io = /\$Revision: (\S+) \$/.exec(sections.iozone ?? '')?.[1];
    if (io)
        out.iozone = io;
    return out;
}
/** `xl info` → the Xen version ("4.17.5"). */
function parseXlInfoVersion(text) {
    const major = /^xen_major\s*:\s*(\d+)/m.exec(text)?.[1];
    const minor = /^xen_minor\s*:\s*(\d+)/m.exec(text)?.[1];
    const extra = /^xen_extra\s*:\s*(\S+)/m.exec(text)?.[1] ?? '';
    return major && minor ? `${major}.${minor}${extra}` : undefined;
}
/** The whole fingerprint from the script's sections. */
function parseFingerprint(s) {
    const lscpu = parseLscpu(s.lscpu ?? '');
    const cpuinfo = parseCpuinfo(s.cpuinfo ?? '');
    const nproc = Number(s.nproc);
    const kvmLines = (s.dmesg ?? '')
        .split('\n')
        .filter((l) => /kvm|hyp/i.test(l))
        .map((l) => l.replace(/^\[\s*[\d.]+\]\s*/, '').trim());
    const devKvm = s.dev_kvm === 'present';
    const kvm = [
        devKvm ? '/dev/kvm present' : s.dev_kvm === 'absent' ? '/dev/kvm absent' : undefined,
        ...kvmLines,
    ]
        .filter((x) => x !== undefined)
        .join('; ');
    const hvVersion = (s.hypervisor_version ?? '').split('\n').map((l) => l.trim());
    const curKHz = Number(s.cur_freq);
    const toolVersions = parseToolVersions(s);
    const cgroupCpu = nonEmpty(s.cgroup_v2_cpu_max)
        ? parseCgroupV2Cpu(s.cgroup_v2_cpu_max)
        : parseCgroupV1Cpu(s.cgroup_v1_cpu ?? '');
    const cgroupMem = parseMemoryLimit(s.cgroup_v2_memory_max || s.cgroup_v1_memory || '');
    const fp = {
        kernel: nonEmpty(s.kernel),
        cmdline: nonEmpty(s.cmdline),
        arch: nonEmpty(s.arch),
        hypervisor: nonEmpty(s.hypervisor_type),
        hypervisorVersion: parseXlInfoVersion(s.xl_info ?? '') ??
            (hvVersion[0] && hvVersion[1] ? `${hvVersion[0]}.${hvVersion[1]}${hvVersion[2] ?? ''}` : undefined),
        xenCapabilities: nonEmpty(s.xen_capabilities),
        kvm: kvm || undefined,
        qemuVersion: parseQemuVersion(s.qemu ?? ''),
        dockerVersion: parseDockerVersionJson(s.docker ?? ''),
        cpuModel: lscpu.cpuModel ?? cpuinfo.cpuModel,
        cpus: Number.isInteger(nproc) && nproc > 0 ? nproc : (lscpu.cpus ?? cpuinfo.cpus),
        governor: nonEmpty(s.governor),
        cpuMHz: Number.isFinite(curKHz) && curKHz > 0 ? curKHz / 1000 : (cpuinfo.cpuMHz ?? lscpu.cpuMHz),
        memoryBytes: parseMeminfo(s.meminfo ?? ''),
        cgroupCpuLimit: cgroupCpu,
        cgroupMemoryLimit: cgroupMem,
        toolVersions: Object.keys(toolVersions).length > 0 ? toolVersions : undefined,
        // What the environment's processes may use, read from inside (see resources/view.ts).
        ...resourceFacts(s),
    };
    return Object.fromEntries(Object.entries(fp).filter(([, v]) => v !== undefined));
}
/** The fingerprint keys `cpusAvailable`, `cpuList`, `memoryLimitBytes` from the sections. */
function resourceFacts(s) {
    const v = parseResourceView(s);
    return {
        cpusAvailable: v.cpusAvailable,
        cpuList: v.cpuList,
        memoryLimitBytes: v.memoryLimitBytes,
    };
}
/**
 * The boot mode a fingerprint proves: Xen with the control domain's capabilities
 * (`control_d`) is Dom0, i.e. the board booted into Xen; anything else is linux.
 */
function bootModeOf(fp) {
    return fp.hypervisor === 'xen' && /control_d/.test(fp.xenCapabilities ?? '') ? 'xen' : 'linux';
}

/**
 * Holds the host's benchmark processes to `resources` (the paper limited the host to 1 CPU
 * and 1 GB): a cgroup made on the board with a cpuset and a memory limit, which every
 * command of the environment enters before it runs — cgroup v2 (one group under
 * /sys/fs/cgroup/arm-virt-bench/) or v1 (a group in the cpuset and the memory hierarchies,
 * under the cgroup the board's shell is in, so outer limits still hold). Where the cpuset
 * controller is not available, CPU affinity (taskset) pins the processes instead. The
 * group is removed afterwards (its processes killed first). Nothing else is ever removed:
 * a group without processes may belong to another environment or run between two of its
 * commands (a crashed run leaves an empty folder behind, which costs nothing).
 *
 * Every script is fixed text; names, CPU lists and sizes are positional arguments.
 */
/** Prints `online LIST`, `layout v2|v1|none`, `controllers ...` (v2) of the board. */
const LIMIT_PROBE_SCRIPT = `echo "online $(cat /sys/devices/system/cpu/online 2>/dev/null)"
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  echo "layout v2"; echo "controllers $(cat /sys/fs/cgroup/cgroup.controllers)"
elif [ -d /sys/fs/cgroup/memory ] || [ -d /sys/fs/cgroup/cpuset ]; then
  echo "layout v1"
  for c in cpuset memory; do [ -d "/sys/fs/cgroup/$c" ] && echo "v1 $c"; done
else
  echo "layout none"
fi
command -v taskset >/dev/null 2>&1 && echo "taskset yes"
exit 0`;
function parseLimitProbe(text) {
    const field = (name) => new RegExp(`^${name} ?(.*)$`, 'm').exec(text)?.[1]?.trim();
    const layout = field('layout');
    const v1 = [...text.matchAll(/^v1 (\S+)$/gm)].map((m) => m[1]);
    return {
        online: parseCpuList(field('online') ?? '') ?? [],
        layout: layout === 'v2' || layout === 'v1' ? layout : 'none',
        controllers: layout === 'v2' ? (field('controllers') ?? '').split(/\s+/).filter(Boolean) : v1,
        taskset: field('taskset') === 'yes',
    };
}
/**
 * Args: LAYOUT NAME CPUS MEMBYTES (CPUS or MEMBYTES empty: not limited). Makes the group(s)
 * and prints `dir PATH` for each, or `error REASON` and exits 1.
 */
const LIMIT_SETUP_SCRIPT = `set -u
layout=$1; name=$2; cpus=$3; mem=$4
fail() { echo "error $*"; exit 1; }
if [ "$layout" = v2 ]; then
  root=/sys/fs/cgroup; base=$root/arm-virt-bench; dir=$base/$name; ctl=""
  [ -n "$cpus" ] && ctl="cpuset"
  [ -n "$mem" ] && ctl="$ctl memory"
  for c in $ctl; do
    grep -qw "$c" "$root/cgroup.controllers" || fail "cgroup v2 has no $c controller (available: $(cat "$root/cgroup.controllers"))"
  done
  mkdir -p "$base" || fail "cannot create $base (not root?)"
  for c in $ctl; do
    grep -qw "$c" "$root/cgroup.subtree_control" || echo "+$c" > "$root/cgroup.subtree_control" || fail "cannot enable the $c controller in $root/cgroup.subtree_control"
    grep -qw "$c" "$base/cgroup.subtree_control" || echo "+$c" > "$base/cgroup.subtree_control" || fail "cannot enable the $c controller in $base/cgroup.subtree_control"
  done
  mkdir "$dir" || fail "cannot create $dir"
  if [ -n "$cpus" ]; then echo "$cpus" > "$dir/cpuset.cpus" || fail "cannot set $dir/cpuset.cpus to $cpus"; fi
  if [ -n "$mem" ]; then
    echo "$mem" > "$dir/memory.max" || fail "cannot set $dir/memory.max to $mem"
    # No swapping past the limit: a process that needs more than it is stopped, as on a smaller machine.
    if [ -e "$dir/memory.swap.max" ]; then echo 0 > "$dir/memory.swap.max"; fi
  fi
  echo "dir $dir"
  exit 0
fi
for c in cpuset memory; do
  if [ "$c" = cpuset ] && [ -z "$cpus" ]; then continue; fi
  if [ "$c" = memory ] && [ -z "$mem" ]; then continue; fi
  mnt=/sys/fs/cgroup/$c
  [ -d "$mnt" ] || fail "no cgroup v1 $c hierarchy at $mnt"
  self=$(sed -n "s/^[0-9]*:\\([^:]*,\\)\\{0,1\\}$c\\(,[^:]*\\)\\{0,1\\}:\\(.*\\)$/\\3/p" /proc/self/cgroup)
  base="$mnt\${self%/}/arm-virt-bench"; dir="$base/$name"
  mkdir -p "$base" || fail "cannot create $base (not root?)"
  if [ "$c" = cpuset ]; then
    # v1 cpusets start empty: the folder gets its parent's CPUs and memory nodes.
    [ -n "$(cat "$base/cpuset.cpus")" ] || cat "$base/../cpuset.cpus" > "$base/cpuset.cpus" || fail "cannot set $base/cpuset.cpus"
    [ -n "$(cat "$base/cpuset.mems")" ] || cat "$base/../cpuset.mems" > "$base/cpuset.mems" || fail "cannot set $base/cpuset.mems"
    mkdir "$dir" || fail "cannot create $dir"
    echo "$cpus" > "$dir/cpuset.cpus" || fail "cannot set $dir/cpuset.cpus to $cpus"
    cat "$base/cpuset.mems" > "$dir/cpuset.mems" || fail "cannot set $dir/cpuset.mems"
  else
    mkdir "$dir" || fail "cannot create $dir"
    echo "$mem" > "$dir/memory.limit_in_bytes" || fail "cannot set $dir/memory.limit_in_bytes to $mem"
    if [ -e "$dir/memory.memsw.limit_in_bytes" ]; then echo "$mem" > "$dir/memory.memsw.limit_in_bytes"; fi
  fi
  echo "dir $dir"
done
exit 0`;
/**
 * Args: N DIR1..DIRN ARGV... Moves this shell into each group, then runs ARGV in its place
 * (same pid: the transport's timeout still kills the whole tree).
 */
const LIMIT_ENTER_SCRIPT = `n=$1; shift
while [ "$n" -gt 0 ]; do
  echo $$ > "$1/cgroup.procs" || { echo "arm-virt-bench: cannot enter the cgroup $1" >&2; exit 125; }
  shift; n=$((n - 1))
done
exec "$@"`;
/** Args: DIR... Kills what is left in each group, removes it and its parent folder when empty. */
const LIMIT_REMOVE_SCRIPT = `for d in "$@"; do
  [ -d "$d" ] || continue
  if [ -w "$d/cgroup.kill" ]; then echo 1 > "$d/cgroup.kill"
  else for p in $(cat "$d/cgroup.procs"); do kill -9 "$p" 2>/dev/null; done; fi
  i=0
  while [ -n "$(cat "$d/cgroup.procs" 2>/dev/null)" ] && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  rmdir "$d" || echo "left $d"
  rmdir "$(dirname "$d")" 2>/dev/null
done
exit 0`;
/** What to limit, from the settings and the board's online CPUs (throws when impossible). */
function planHostLimit(resources, online) {
    const plan = {};
    if (resources.cpus !== null)
        plan.cpus = formatCpuList(pickCpus(online, resources.cpus, resources.cpuList));
    if (resources.memoryBytes !== null)
        plan.memoryBytes = resources.memoryBytes;
    return plan;
}
const SHORT_MS$1 = 30_000;
/** The board's online CPUs and cgroup layout. */
async function probeLimits(board, signal) {
    const r = await board.exec(['sh', '-c', LIMIT_PROBE_SCRIPT], { timeoutMs: SHORT_MS$1, signal });
    if (r.exitCode !== 0)
        throw new Error(`cannot read the CPUs and cgroups of ${board.description}: ${r.output.trim()}`);
    return parseLimitProbe(r.output);
}
/** The CPUs an environment on this board gets (docker's cpuset, the guest's pinning). */
async function boardCpuList(board, resources, signal) {
    if (resources.cpus === null)
        return undefined;
    const probe = await probeLimits(board, signal);
    return formatCpuList(pickCpus(probe.online, resources.cpus, resources.cpuList));
}
/** A group made on the board, and a transport whose commands run inside it. */
class HostLimit {
    board;
    dirs;
    taskset;
    summary;
    constructor(board, 
    /** The group folders (one for v2, one per hierarchy for v1). */
    dirs, 
    /** CPU affinity instead of a cpuset (no cpuset controller), or undefined. */
    taskset, 
    /** One line for the log: what was applied, and how. */
    summary) {
        this.board = board;
        this.dirs = dirs;
        this.taskset = taskset;
        this.summary = summary;
    }
    static async apply(board, resources, name, signal) {
        const probe = await probeLimits(board, signal);
        const plan = planHostLimit(resources, probe.online);
        if (plan.cpus === undefined && plan.memoryBytes === undefined) {
            return new HostLimit(board, [], undefined, 'no CPU or memory limit (resources: all)');
        }
        let taskset;
        let cpus = plan.cpus;
        const hasCpuset = probe.controllers.includes('cpuset');
        if (cpus !== undefined && !hasCpuset) {
            if (!probe.taskset)
                throw new Error(`cannot hold the host to CPUs ${cpus} on ${board.description}: no cpuset controller and no taskset (install util-linux)`);
            taskset = cpus;
            cpus = undefined;
        }
        if (probe.layout === 'none' && plan.memoryBytes !== undefined) {
            throw new Error(`cannot hold the host to ${plan.memoryBytes} bytes on ${board.description}: no cgroup filesystem at /sys/fs/cgroup (or set resources.host: boot and limit memory with the kernel's mem= argument)`);
        }
        const group = `${name}-${randomBytes(3).toString('hex')}`;
        let dirs = [];
        if (cpus !== undefined || plan.memoryBytes !== undefined) {
            const r = await board.exec([
                'sh',
                '-c',
                LIMIT_SETUP_SCRIPT,
                'avb-limit',
                probe.layout,
                group,
                cpus ?? '',
                String(plan.memoryBytes ?? ''),
            ], { timeoutMs: SHORT_MS$1, signal });
            dirs = [...r.output.matchAll(/^dir (\/\S+)$/gm)].map((m) => m[1]);
            const error = /^error (.*)$/m.exec(r.output)?.[1];
            if (r.exitCode !== 0 || error || dirs.length === 0) {
                await removeGroups(board, dirs);
                throw new Error(`cannot make the host's cgroup on ${board.description}: ${error ?? r.output.trim().slice(0, 300)}`);
            }
        }
        const parts = [
            ...(plan.cpus !== undefined
                ? [`CPU ${plan.cpus}${taskset ? ' (taskset: no cpuset controller)' : ''}`]
                : []),
            ...(plan.memoryBytes !== undefined ? [`${plan.memoryBytes} bytes`] : []),
        ];
        const how = dirs.length > 0 ? `cgroup ${probe.layout} ${dirs.join(' ')}` : 'CPU affinity';
        return new HostLimit(board, dirs, taskset, `held to ${parts.join(' and ')} (${how})`);
    }
    /** argv that runs `argv` inside the group(s) (and under taskset when needed). */
    wrap(argv) {
        const inner = this.taskset ? ['taskset', '-c', this.taskset, ...argv] : [...argv];
        if (this.dirs.length === 0)
            return inner;
        return ['sh', '-c', LIMIT_ENTER_SCRIPT, 'avb-enter', String(this.dirs.length), ...this.dirs, ...inner];
    }
    /** The board transport with every command run inside the limits. */
    transport() {
        const board = this.board;
        const wrap = (argv) => this.wrap(argv);
        return {
            description: board.description,
            exec: (argv, options) => board.exec(wrap(argv), options),
            copyTo: (l, r, o) => board.copyTo(l, r, o),
            close: async () => undefined, // the board's transport is the engine's to close
        };
    }
    /** Kills what is left in the group(s) and removes them; never throws. */
    async remove() {
        return removeGroups(this.board, this.dirs);
    }
}
/** Returns the folders that could not be removed. */
async function removeGroups(board, dirs) {
    if (dirs.length === 0)
        return [];
    try {
        const r = await board.exec(['sh', '-c', LIMIT_REMOVE_SCRIPT, 'avb-unlimit', ...dirs], {
            timeoutMs: SHORT_MS$1,
        });
        return [...r.output.matchAll(/^left (\S+)$/gm)].map((m) => m[1]);
    }
    catch {
        return [...dirs];
    }
}

/**
 * The fixed script that assembles the bench image's root filesystem ON THE TARGET from
 * the target's own tool binaries and their shared libraries (found with ldd): no
 * registry, no base image. Run through the board transport as
 *   sh -c ASSEMBLE_ROOTFS_SCRIPT avb-assemble ROOTFS UNIXBENCH_TREE TOOL...
 * where TOOL is a program name (looked up in PATH) or an absolute path. busybox (static
 * or not) provides sh and the small utilities the runners need; without busybox the
 * same utilities are copied one by one from the target.
 * UNIXBENCH_TREE is empty, or a built byte-UnixBench tree on the target: it is copied to
 * the same path in the image (without its results), with the target's perl, the modules
 * `Run` loads (asked of that perl itself: %INC and the XS libraries) and their libraries.
 *
 * Output lines (stdout): `tool NAME PATH`, `missing NAME`, and last `hash HEX`: the
 * sha256 over every file's path and content and every link's path, so the image tag
 * changes exactly when the tools or their libraries change.
 */
/** Bumped when the layout below changes, so old images are not reused. */
const ROOTFS_LAYOUT_VERSION = '2';
/** Utilities copied one by one when busybox is not on the target. */
const FALLBACK_UTILITIES = [
    'sh',
    'env',
    'setsid',
    'cat',
    'echo',
    'sleep',
    'kill',
    'ls',
    'mkdir',
    'rm',
    'cp',
    'mv',
    'uname',
    'nproc',
    'dirname',
    'tar',
    'ps',
    'id',
    'pwd',
    'sort',
    'head',
    'tail',
    'grep',
    'sed',
    'cut',
    'tr',
    'wc',
    'mktemp',
    'chmod',
    'date',
    'true',
    'false',
    'printf',
    'test',
    'timeout',
    'sync',
    // byte-UnixBench's Run and its shell tests (pgms/tst.sh)
    'od',
    'tee',
    'hostname',
    'touch',
    'expr',
    'uptime',
];
/** Perl modules byte-UnixBench's `Run` loads, directly or through each other. */
const UNIXBENCH_PERL_MODULES = [
    'POSIX',
    'Time::HiRes',
    'IO::Handle',
    'File::Path',
    'FindBin',
    'Carp',
    'Cwd',
    'File::Basename',
    'File::Spec',
    'Symbol',
    'Tie::Hash',
];
const ASSEMBLE_ROOTFS_SCRIPT = `set -u
R=$1; UB=$2; shift 2
umask 022
mkdir -p "$R/bin" "$R/usr/bin" "$R/proc" "$R/sys" "$R/dev" "$R/etc" "$R/tmp" "$R/root" || exit 1
chmod 1777 "$R/tmp"
echo "root:x:0:0:root:/root:/bin/sh" > "$R/etc/passwd"
echo "root:x:0:" > "$R/etc/group"
echo "layout ${ROOTFS_LAYOUT_VERSION}" > "$R/etc/avb-image"
copy_with_libs() {
  src=$1; dst=$2
  mkdir -p "$R$(dirname "$dst")" && cp -L "$src" "$R$dst" || return 1
  # ldd prints "name => /path (addr)" and "/lib/ld-linux... (addr)"; static: a message, no paths.
  for lib in $(ldd "$src" 2>/dev/null | sed -n 's/.*=> \\(\\/[^ ]*\\) .*/\\1/p; s/^[[:space:]]*\\(\\/[^ ]*\\) (0x.*/\\1/p'); do
    [ -e "$R$lib" ] && continue
    mkdir -p "$R$(dirname "$lib")" && cp -L "$lib" "$R$lib" || return 1
  done
}
resolve() {
  case $1 in
    /*) [ -x "$1" ] && echo "$1" ;;
    *) command -v "$1" 2>/dev/null | grep '^/' ;;
  esac
}
if bb=$(resolve busybox); then
  copy_with_libs "$bb" /bin/busybox || exit 1
  for a in $("$bb" --list); do
    [ -e "$R/bin/$a" ] || ln -s busybox "$R/bin/$a"
  done
  echo "tool busybox $bb"
else
  for u in ${FALLBACK_UTILITIES.join(' ')}; do
    if p=$(resolve "$u"); then copy_with_libs "$p" "/bin/$u" || exit 1; else echo "missing $u"; fi
  done
fi
for t in "$@"; do
  if p=$(resolve "$t"); then
    copy_with_libs "$p" "/usr/bin/$(basename "$t")" || exit 1
    echo "tool $(basename "$t") $p"
  else
    echo "missing $t"
  fi
done
if [ -n "$UB" ]; then
  if p=$(resolve perl); then
    copy_with_libs "$p" /usr/bin/perl || exit 1
    # Every file perl loaded for Run's modules, at the same path (absolute in %INC).
    for f in $("$p" ${UNIXBENCH_PERL_MODULES.map((m) => `-M${m}`).join(' ')} -e 'print "$_\n" for values %INC, @DynaLoader::dl_shared_objects'); do
      case $f in /*) [ -e "$R$f" ] || copy_with_libs "$f" "$f" || exit 1 ;; esac
    done
    echo "tool perl $p"
  else
    echo "missing perl"
  fi
  mkdir -p "$R$(dirname "$UB")" && cp -a "$UB" "$R$UB" || exit 1
  rm -rf "$R$UB"/results/* "$R$UB"/tmp/*
  echo "tool unixbench $UB"
fi
cd "$R" || exit 1
# Links are hashed by name only: they all point at busybox, whose content is hashed.
h=$( { find . -type l | LC_ALL=C sort; find . -type f -exec sha256sum {} + | LC_ALL=C sort -k 2; } | sha256sum | cut -d' ' -f1)
echo "hash $h"
`;

/**
 * The I/O paths of an environment, read from inside it: where IOzone's scratch folder
 * really lies (`/proc/self/mountinfo`: mount point, source, file system, device number),
 * which interface carries the traffic to the netperf peer (`/proc/net/route` and the
 * local addresses of `/proc/net/fib_trie`), and the counters that prove a cell's bytes
 * crossed them (`/proc/net/dev`, `/sys/class/net/IF/statistics`, `/sys/dev/block/M:m/stat`).
 * Fixed scripts with values as arguments; everything else here is a pure parser (tested
 * on real captures in test/unit/environments/io-paths.test.ts). Only /proc and /sys and
 * busybox-level utilities are used: the bench container and the test guest have no more.
 */
/**
 * Keys of the environments whose scratch is a folder (host, xen-dom0, docker; kvm and
 * xen-domu without a data disk).
 */
const BoardScratch = {
    /**
     * IOzone's folder (absolute; made when missing): on the board's own storage for host
     * and Dom0 (name the SSD's mount). Default: suites.iozone.scratchDir, else /var/tmp.
     */
    scratchDir: string()
        .regex(/^\/[^\0\n]*$/, 'an absolute path')
        .optional(),
    /** Measure a scratch in RAM (tmpfs, ramfs, an initramfs) on purpose; refused otherwise. */
    allowRamScratch: boolean().default(false),
};
/** The board's own environments (host, Dom0): their I/O is the board's. */
function boardIo(scratchDir, allowRam) {
    return {
        scratch: {
            ...(scratchDir ? { dir: scratchDir } : {}),
            allowRam,
            remedy: "set scratchDir on this environment to a folder on the board's disk (e.g. the SSD's mount)",
        },
        net: { boardAddress: '127.0.0.1', boardListen: '127.0.0.1' },
    };
}
/** File systems that live in RAM: a scratch there measures memory, not a disk. */
const RAM_FSTYPES = ['tmpfs', 'ramfs', 'rootfs'];
function isRamFs(fstype) {
    return RAM_FSTYPES.includes(fstype);
}
/** Prints a file with shell builtins only (an environment's PATH may hold just the tools). */
const SHOW = `show() { while IFS= read -r l || [ -n "$l" ]; do printf '%s\\n' "$l"; done < "$1"; }`;
/**
 * $1: a folder (created when missing). Prints its real path and the mount table of the
 * process (mountinfo: one line per mount, later lines mount over earlier ones).
 */
const SCRATCH_PROBE_SCRIPT = `${SHOW}
{ [ -d "$1" ] || mkdir -p -- "$1"; } && cd -- "$1" || exit 3
echo @@path; pwd -P; echo @@mountinfo; show /proc/self/mountinfo`;
/** mountinfo escapes space, tab, newline and backslash as \ooo. */
function unescapeMount(s) {
    return s.replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)));
}
function parseMountinfo(text) {
    const out = [];
    for (const line of text.split('\n')) {
        // ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTIONS
        const fields = line.trim().split(' ');
        const dash = fields.indexOf('-');
        if (fields.length < 7 || dash < 6 || fields.length < dash + 3)
            continue;
        out.push({
            device: fields[2],
            mountPoint: unescapeMount(fields[4]),
            fstype: fields[dash + 1],
            source: unescapeMount(fields[dash + 2]),
        });
    }
    return out;
}
/** The mount a path lies on: the longest mount point containing it, the last such line winning. */
function mountOf(path, mounts) {
    let best;
    for (const m of mounts) {
        const mp = m.mountPoint;
        const inside = mp === '/' || path === mp || path.startsWith(mp.endsWith('/') ? mp : `${mp}/`);
        if (inside && (!best || mp.length >= best.mountPoint.length))
            best = m;
    }
    return best;
}
/** Sections `@@name` of a probe's output. */
function sections(text) {
    const out = {};
    let name;
    for (const line of text.split('\n')) {
        const m = /^@@([a-z_]+)$/.exec(line.trim());
        if (m) {
            name = m[1];
            out[name] = '';
        }
        else if (name)
            out[name] += `${line}\n`;
    }
    return out;
}
/** The scratch probe's output → the fact; throws with the reason when it cannot tell. */
function parseScratchProbe(text) {
    const s = sections(text);
    const path = s.path?.trim();
    if (!path?.startsWith('/'))
        throw new Error(`no real path in the scratch probe's output: ${text.trim().slice(0, 200)}`);
    const mount = mountOf(path, parseMountinfo(s.mountinfo ?? ''));
    if (!mount)
        throw new Error(`no mount of ${path} in /proc/self/mountinfo`);
    return { path, source: mount.source, fstype: mount.fstype, device: mount.device };
}
/** Prints the IPv4 routing table and the trie that holds the environment's own addresses. */
const ROUTE_PROBE_SCRIPT = `${SHOW}
echo @@route; show /proc/net/route; echo @@fib_trie; show /proc/net/fib_trie 2>/dev/null; echo @@end`;
/** /proc/net/route holds addresses as little-endian hex. */
function hexToIpv4(hex) {
    const n = parseInt(hex, 16);
    // little-endian: the first octet is the lowest byte
    return ((((n & 0xff) << 24) | (((n >>> 8) & 0xff) << 16) | (((n >>> 16) & 0xff) << 8) | ((n >>> 24) & 0xff)) >>> 0);
}
function ipv4ToNumber(address) {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
    if (!m)
        return undefined;
    const o = m.slice(1, 5).map(Number);
    if (o.some((x) => x > 255))
        return undefined;
    return ((o[0] << 24) | (o[1] << 16) | (o[2] << 8) | o[3]) >>> 0;
}
function parseProcNetRoute(text) {
    const out = [];
    for (const line of text.split('\n').slice(1)) {
        const f = line.trim().split(/\s+/);
        if (f.length < 8)
            continue;
        const flags = parseInt(f[3], 16);
        if (!(flags & 1))
            continue; // RTF_UP
        out.push({ iface: f[0], dest: hexToIpv4(f[1]), mask: hexToIpv4(f[7]), metric: Number(f[6]) || 0 });
    }
    return out;
}
/** The addresses the kernel treats as its own (`/32 host LOCAL` leaves of fib_trie). */
function localAddresses(fibTrie) {
    const out = new Set();
    const lines = fibTrie.split('\n');
    for (let i = 0; i + 1 < lines.length; i++) {
        const leaf = /\|--\s+(\d+\.\d+\.\d+\.\d+)\s*$/.exec(lines[i]);
        if (!leaf)
            continue;
        for (let j = i + 1; j < lines.length && /^\s+\/\d+/.test(lines[j]); j++) {
            if (/\/32 host LOCAL/.test(lines[j]))
                out.add(leaf[1]);
        }
    }
    return out;
}
/**
 * The interface that carries traffic to `address`, as the kernel would route it: `lo` for
 * 127.0.0.0/8 and the environment's own addresses, else the longest matching prefix
 * (lowest metric among equals); for a host name, the default route's. Undefined when
 * nothing routes it (or for an IPv6 address: only the IPv4 table is read).
 */
function routeVia(address, probeOutput) {
    const s = sections(probeOutput);
    if (address.includes(':'))
        return undefined;
    const literal = ipv4ToNumber(address);
    if (literal !== undefined && (literal >>> 24 === 127 || localAddresses(s.fib_trie ?? '').has(address)))
        return 'lo';
    // A name: it resolves to a remote host, which goes where the default route goes.
    const dst = literal ?? 0xffffffff;
    let best;
    for (const r of parseProcNetRoute(s.route ?? '')) {
        if (literal === undefined && r.mask !== 0)
            continue;
        if ((dst & r.mask) >>> 0 !== r.dest)
            continue;
        const longer = !best || r.mask > best.mask;
        if (longer || (r.mask === best.mask && r.metric < best.metric))
            best = r;
    }
    return best?.iface;
}
function parseProcNetDev(text) {
    const out = {};
    for (const line of text.split('\n')) {
        const m = /^\s*([^:\s]+):\s*(.*)$/.exec(line);
        if (!m)
            continue;
        const f = m[2].trim().split(/\s+/).map(Number);
        if (f.length < 16 || f.some((x) => !Number.isFinite(x)))
            continue;
        out[m[1]] = { rxBytes: f[0], txBytes: f[8] };
    }
    return out;
}
function parseBlockStat(text) {
    const f = text.trim().split(/\s+/).map(Number);
    if (f.length < 7 || f.slice(0, 7).some((x) => !Number.isInteger(x)))
        return undefined;
    return { readIos: f[0], readSectors: f[2], writeIos: f[4], writeSectors: f[6] };
}
/** $1: major:minor. Prints the block device's name and its stat line (nothing for 0:N). */
const BLOCK_STAT_SCRIPT = 'd=/sys/dev/block/$1; [ -e "$d/stat" ] || exit 4; echo @@name; basename "$(readlink -f "$d")"; echo @@stat; cat "$d/stat"';
function parseBlockProbe(text) {
    const s = sections(text);
    const name = s.name?.trim();
    const stat = parseBlockStat(s.stat ?? '');
    return name && stat ? { name, stat } : undefined;
}
/** Prints /proc/net/dev; $1 an interface: prints its two byte counters from sysfs. */
const NETDEV_SCRIPT = `${SHOW}
show /proc/net/dev`;
const IFACE_STAT_SCRIPT = 'd=/sys/class/net/$1/statistics; [ -d "$d" ] || exit 4; cat "$d/rx_bytes" "$d/tx_bytes"';
function parseIfaceStat(text) {
    const [rx, tx] = text.trim().split(/\s+/).map(Number);
    return Number.isInteger(rx) && Number.isInteger(tx) ? { rxBytes: rx, txBytes: tx } : undefined;
}

/**
 * The `docker` environment (paper: a container with 1 CPU and 1 GiB on docker's default
 * bridge, veth + NAT). Everything happens on the board through its transport:
 *  1. an engine must answer (`docker version`), else a clear error;
 *  2. the bench image is assembled from the board's own tool binaries and their libraries
 *     (docker-image/assemble-rootfs.ts), tagged by content hash and `docker import`ed only
 *     when that hash is new: no registry, no base image;
 *  3. `docker run -d` with the limits and a label (so leftovers can be found), running a
 *     long sleep; commands then reach it with `docker exec` (DockerExecTransport);
 *  4. teardown `docker rm -f`, which never throws.
 * Its I/O paths are the paper's: IOzone in the container's writable layer (the storage
 * driver's upper directory on the board) or in a configured volume, netperf across its
 * veth on the network's bridge (NAT beyond it) to the bridge's gateway or further.
 */
/** Label on every container this tool starts; teardown and cleanup look for it. */
const CONTAINER_LABEL = 'arm-virt-bench';
/** The benchmark programs the image always tries to include (missing ones are reported). */
const BENCH_TOOLS = ['hackbench', 'netperf', 'netserver', 'iozone'];
const IMAGE_RE = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/;
const DockerEnvironmentConfig = object({
    /** Use this existing image instead of building one from the board's tools. */
    image: string().regex(IMAGE_RE, 'not an image reference').optional(),
    /** Repository of the built image; the tag is the content hash. */
    imageRepository: string()
        .regex(/^[a-z0-9][a-z0-9._/-]*$/, 'lower-case repository name')
        .default('arm-virt-bench/bench'),
    /**
     * `docker run --cpus`: a CPU-time quota ON TOP of the cpuset from `resources` (default
     * none: a quota is not a CPU — with --cpus=1 on a 2-core board the container's tasks
     * still spread over both cores and are throttled, which measures the quota).
     */
    cpus: number().positive().optional(),
    /** `docker run --memory` (and --memory-swap: no swap); default `resources.memory`. */
    memory: string()
        .regex(/^\d+[bkmg]?$/i, 'a size like 1g or 512m')
        .optional(),
    /** `docker run --network` (paper: the default bridge, veth + NAT). */
    network: string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'a network name')
        .default('bridge'),
    /** Extra programs (names in the board's PATH, or absolute paths) to put in the image. */
    tools: array(string().regex(/^[A-Za-z0-9/._+-]+$/, 'a program name or path')).default([]),
    /** The docker CLI on the board, e.g. ["docker"] or ["docker", "-H", "unix:///run/docker.sock"]. */
    docker: Argv.default(['docker']),
    /** DOCKER_HOST for the docker CLI on the board. */
    dockerHost: string().min(1).optional(),
    /** `--init`: a tiny init as PID 1 reaps the exec'd processes' orphans. */
    init: boolean().default(true),
    buildTimeoutSeconds: timeoutSeconds().default(900),
    /**
     * IOzone in a volume mounted at /avb-scratch instead of the writable layer: a volume
     * name, or an absolute folder on the board (bind mount).
     */
    volume: string()
        .regex(/^([A-Za-z0-9][A-Za-z0-9_.-]+|\/[^,:\0\n]*)$/, 'a volume name or an absolute folder on the board')
        .optional(),
    ...BoardScratch,
})
    .strict();
/** Where a configured volume is mounted in the container (IOzone's folder then). */
const VOLUME_MOUNT = '/avb-scratch';
/**
 * One `docker inspect` for the I/O paths: address and gateway on its network, the storage
 * driver and its upper directory (the writable layer on the board), the volume's folder.
 */
const INSPECT_FORMAT = [
    'ip={{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}',
    'gateway={{range .NetworkSettings.Networks}}{{.Gateway}} {{end}}',
    'driver={{.GraphDriver.Name}}',
    'upper={{index .GraphDriver.Data "UpperDir"}}',
    `volume={{range .Mounts}}{{if eq .Destination "${VOLUME_MOUNT}"}}{{.Source}}{{end}}{{end}}`,
].join('\n');
function parseDockerInspect(text) {
    const out = {};
    for (const line of text.split('\n')) {
        const m = /^(ip|gateway|driver|upper|volume)=(.*)$/.exec(line.trim());
        if (!m)
            continue;
        const v = m[2].trim().split(/\s+/)[0] ?? '';
        if (!v || v === '<no value>')
            continue;
        if (m[1] === 'ip')
            out.ip = v;
        else if (m[1] === 'gateway')
            out.gateway = v;
        else if (m[1] === 'driver')
            out.driver = v;
        else if (m[1] === 'upper')
            out.upperDir = v;
        else
            out.volumeDir = v;
    }
    return out;
}
/** $1 an interface index: the board's interface with that index (a veth's peer). */
const IFINDEX_SCRIPT = 'for d in /sys/class/net/*; do [ "$(cat "$d/ifindex" 2>/dev/null)" = "$1" ] && basename "$d"; done; true';
function tail(output, lines = 3) {
    return output.trim().split('\n').slice(-lines).join(' ').trim() || '(no output)';
}
/** What to do about a `docker run` failure the board's set-up causes (empty when unknown). */
function dockerRunHint(output) {
    if (/AppArmor enabled on system but the docker-default profile could not be loaded/.test(output))
        return " — the board's kernel has AppArmor on but apparmor_parser is missing: install the `apparmor` package on the board (Debian's docker.io only recommends it), or boot the kernel with apparmor=0";
    return '';
}
class DockerEnvironment {
    id;
    kind = 'docker';
    bootMode = 'linux';
    config;
    board;
    exec;
    containerName;
    imageRef;
    engineVersion;
    ip;
    /** What `docker inspect` and the container's eth0 tell about its I/O paths. */
    paths = {};
    cpuset;
    memory;
    resources;
    constructor(id, config = {}, options = {}) {
        this.id = id;
        this.config = DockerEnvironmentConfig.parse(config);
        this.resources = options.resources ?? DEFAULT_RESOURCES;
    }
    /** The container's name (after prepare). */
    get container() {
        return this.containerName;
    }
    /** The image the container runs (after prepare). */
    get image() {
        return this.imageRef;
    }
    /** The container's address on its network: netperf's target for a netserver inside. */
    get ipAddress() {
        return this.ip;
    }
    get dockerEnv() {
        return this.config.dockerHost ? { DOCKER_HOST: this.config.dockerHost } : undefined;
    }
    docker(board, args, options) {
        return board.exec([...this.config.docker, ...args], { ...options, env: this.dockerEnv });
    }
    async prepare(ctx) {
        const board = ctx.board;
        this.board = board;
        const signal = ctx.signal;
        const where = board.description;
        const version = await this.docker(board, ['version', '--format', '{{.Server.Version}}'], {
            timeoutMs: 60_000,
            signal,
        });
        const v = version.output.trim().split('\n').pop() ?? '';
        if (version.exitCode !== 0 || !/^\d/.test(v)) {
            throw new Error(`no Docker engine answers on ${where}: ${tail(version.output)}`);
        }
        this.engineVersion = v;
        ctx.log(`docker ${v} on ${where}`);
        this.imageRef = this.config.image ?? (await this.buildImage(ctx));
        // The same CPUs and memory as the host's benchmark processes: a cpuset (not a CPU-time
        // quota) and a memory limit without swap.
        this.cpuset = await boardCpuList(board, this.resources, signal);
        this.memory =
            this.config.memory ??
                (this.resources.memoryBytes !== null ? String(this.resources.memoryBytes) : undefined);
        const name = `avb-${this.id.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 40)}-${randomBytes(4).toString('hex')}`;
        const run = await this.docker(board, [
            'run',
            '-d',
            `--name=${name}`,
            `--label=${CONTAINER_LABEL}=1`,
            `--label=${CONTAINER_LABEL}.env=${this.id}`,
            // The run it belongs to: the next run removes it if this one dies (engine/leftovers.ts).
            ...(ctx.runId ? [`--label=${CONTAINER_LABEL}.run=${ctx.runId}`] : []),
            ...(this.cpuset !== undefined ? [`--cpuset-cpus=${this.cpuset}`] : []),
            ...(this.config.cpus !== undefined ? [`--cpus=${this.config.cpus}`] : []),
            ...(this.memory !== undefined ? [`--memory=${this.memory}`, `--memory-swap=${this.memory}`] : []),
            `--network=${this.config.network}`,
            ...(this.config.volume ? ['--volume', `${this.config.volume}:${VOLUME_MOUNT}`] : []),
            ...(this.config.init ? ['--init'] : []),
            '--',
            this.imageRef,
            'sleep',
            '2000000000',
        ], { timeoutMs: 120_000, signal, logPath: join(ctx.logDir, 'docker-run.log') });
        if (run.exitCode !== 0) {
            // A container may exist even when `run` failed (e.g. start error): remove it.
            await this.docker(board, ['rm', '-f', name], { timeoutMs: 60_000 }).catch(() => undefined);
            throw new Error(`docker run of ${this.imageRef} on ${where} failed: ${tail(run.output)}${dockerRunHint(run.output)}`);
        }
        this.containerName = name;
        this.exec = new DockerExecTransport({
            board,
            container: name,
            docker: this.config.docker,
            dockerEnv: this.dockerEnv,
        });
        const ok = await this.exec.exec(['true'], { timeoutMs: 60_000 });
        if (ok.exitCode !== 0)
            throw new Error(`container ${name} does not run commands: ${tail(ok.output)}`);
        const inspect = await this.docker(board, ['inspect', '--format', INSPECT_FORMAT, name], {
            timeoutMs: 60_000,
        });
        const facts = inspect.exitCode === 0 ? parseDockerInspect(inspect.output) : {};
        this.ip = facts.ip;
        this.paths = {
            ...(facts.driver ? { driver: facts.driver } : {}),
            ...(facts.upperDir ? { upperDir: facts.upperDir } : {}),
            ...(facts.volumeDir ? { volumeDir: facts.volumeDir } : {}),
            ...(facts.gateway ? { gateway: facts.gateway } : {}),
        };
        // The container's eth0 is one end of a veth pair; its peer on the board has ifindex = eth0's iflink.
        const iflink = await this.exec.exec(['cat', '/sys/class/net/eth0/iflink'], { timeoutMs: 30_000 });
        if (iflink.exitCode === 0 && /^\d+$/.test(iflink.output.trim())) {
            const peer = await board.exec(['sh', '-c', IFINDEX_SCRIPT, 'sh', iflink.output.trim()], {
                timeoutMs: 30_000,
            });
            const veth = peer.output.trim().split('\n')[0]?.trim();
            if (peer.exitCode === 0 && veth && /^[A-Za-z0-9_.@-]+$/.test(veth))
                this.paths.veth = veth;
        }
        ctx.log(`container ${name} (${this.imageRef}) at ${this.ip ?? 'no address'}${this.paths.veth ? ` via ${this.paths.veth}` : ''}, storage ${this.paths.driver ?? 'unknown'}; CPUs ${this.cpuset ?? 'all'}, memory ${this.memory ?? 'unlimited'}${this.config.cpus !== undefined ? `, CPU quota ${this.config.cpus}` : ''}`);
    }
    /**
     * Assembles the rootfs on the board, and imports it unless an image with the same
     * content hash is already there. Returns the image reference.
     */
    async buildImage(ctx) {
        const board = ctx.board;
        const logPath = join(ctx.logDir, 'docker-image.log');
        const timeoutMs = this.config.buildTimeoutSeconds * 1000;
        const signal = ctx.signal;
        const mk = await board.exec(['mktemp', '-d', '/tmp/avb-image.XXXXXXXX'], { timeoutMs: 30_000, signal });
        const work = mk.output.trim();
        if (mk.exitCode !== 0 || !work.startsWith('/tmp/avb-image.')) {
            throw new Error(`cannot make a work folder on ${board.description}: ${tail(mk.output)}`);
        }
        try {
            const rootfs = `${work}/rootfs`;
            const tools = [...BENCH_TOOLS, ...this.config.tools];
            const ub = ctx.unixbenchTree ?? '';
            const asm = await board.exec(['sh', '-c', ASSEMBLE_ROOTFS_SCRIPT, 'avb-assemble', rootfs, ub, ...tools], {
                timeoutMs,
                signal,
                logPath,
            });
            const hash = /^hash ([0-9a-f]{64})$/m.exec(asm.output)?.[1];
            if (asm.exitCode !== 0 || !hash) {
                throw new Error(`assembling the bench image on ${board.description} failed: ${tail(asm.output)} (log: ${logPath})`);
            }
            for (const m of asm.output.matchAll(/^missing (\S+)$/gm)) {
                ctx.log(`docker image: ${m[1]} is not on ${board.description}; suites that need it will fail in the container`);
            }
            const tag = `${this.config.imageRepository}:${hash.slice(0, 16)}`;
            const have = await this.docker(board, ['image', 'inspect', '--format', '{{.Id}}', tag], {
                timeoutMs: 60_000,
                signal,
            });
            if (have.exitCode === 0) {
                ctx.log(`docker image ${tag} is up to date`);
                return tag;
            }
            const tar = await board.exec(['tar', '-C', rootfs, '-cf', `${work}/rootfs.tar`, '.'], {
                timeoutMs,
                signal,
                logPath,
            });
            if (tar.exitCode !== 0)
                throw new Error(`tar of the image rootfs failed: ${tail(tar.output)}`);
            const imp = await this.docker(board, [
                'import',
                '--change',
                `ENV PATH=${REMOTE_PATH}`,
                '--change',
                `LABEL ${CONTAINER_LABEL}.image=1`,
                `${work}/rootfs.tar`,
                tag,
            ], { timeoutMs, signal, logPath });
            if (imp.exitCode !== 0)
                throw new Error(`docker import on ${board.description} failed: ${tail(imp.output)}`);
            ctx.log(`docker image ${tag} built from the board's tools`);
            return tag;
        }
        finally {
            await board.exec(['rm', '-rf', work], { timeoutMs: 60_000 }).catch(() => undefined);
        }
    }
    transport() {
        if (!this.exec)
            throw new Error(`environment ${this.id}: transport() before prepare()`);
        return this.exec;
    }
    io() {
        const c = this.config;
        const dir = c.scratchDir ?? (c.volume ? VOLUME_MOUNT : undefined);
        const boardDir = c.volume ? this.paths.volumeDir : this.paths.upperDir;
        // `--network host`: the board's own stack (no gateway, no veth).
        const gateway = this.paths.gateway ?? (c.network === 'host' ? '127.0.0.1' : undefined);
        return {
            scratch: {
                ...(dir ? { dir } : {}),
                allowRam: c.allowRamScratch,
                remedy: "use the writable layer (the default) or a volume on the board's disk",
                ...(boardDir ? { boardDir } : {}),
            },
            net: {
                ...(gateway ? { boardAddress: gateway, boardListen: gateway } : {}),
                ...(this.paths.veth ? { boardIface: this.paths.veth } : {}),
            },
        };
    }
    async fingerprint() {
        const t = this.transport();
        const run = async (argv) => {
            const r = await t.exec(argv, { timeoutMs: 60_000 });
            return r.exitCode === 0 ? r.output.trim() : undefined;
        };
        const kernel = await run(['uname', '-r']);
        const arch = await run(['uname', '-m']);
        const nproc = await run(['nproc']);
        const view = parseCgroupView((await run(['sh', '-c', CGROUP_VIEW_SCRIPT])) ?? '');
        const resources = resourceFacts(splitSections((await run(['sh', '-c', RESOURCE_VIEW_SCRIPT])) ?? ''));
        return {
            ...resources,
            kernel,
            arch,
            cpus: nproc && /^\d+$/.test(nproc) ? Number(nproc) : undefined,
            dockerVersion: this.engineVersion,
            cgroupCpuLimit: view.cpuMax,
            cgroupMemoryLimit: view.memoryMax,
            cgroupVersion: view.version,
            cgroupCpus: view.cpuLimit,
            cgroupCpuset: view.cpuset,
            dockerImage: this.imageRef,
            dockerNetwork: this.config.network,
            ...(this.paths.driver ? { dockerStorageDriver: this.paths.driver } : {}),
            ...(this.config.volume ? { dockerVolume: this.config.volume } : {}),
            dockerLimits: {
                cpus: this.config.cpus ?? null,
                cpuset: this.cpuset ?? null,
                memory: this.memory ?? null,
            },
        };
    }
    async teardown() {
        const name = this.containerName;
        const board = this.board;
        this.containerName = undefined;
        this.exec = undefined;
        if (!name || !board)
            return;
        try {
            await this.docker(board, ['rm', '-f', '-v', name], { timeoutMs: 120_000 });
        }
        catch {
            // Never throws: a leftover is found later by its label (removeLeftoverContainers).
        }
    }
}

/**
 * `host`: the bare-metal board itself, reached through the board's own transport (local
 * or SSH). IOzone writes in `scratchDir` on the board's own storage. Its benchmark processes
 * are held to `resources` (the paper: 1 CPU, 1 GiB) by a cgroup the environment makes on the
 * board (resources/host-limit.ts) and removes on teardown — unless `resources.host` is `boot`
 * (the board's kernel arguments already limit it). The fingerprint is read through the same
 * limits, so it shows what the benchmarks got.
 */
/** The host's own settings (besides the common `id` and `env`): where IOzone writes. */
const HostEnvironmentConfig = object({ ...BoardScratch }).strict();
class HostEnvironment {
    id;
    kind = 'host';
    bootMode = 'linux';
    board;
    limited;
    limit;
    signal;
    log;
    resources;
    config;
    constructor(id = 'host', config = {}, options = {}) {
        this.id = id;
        this.config = HostEnvironmentConfig.parse(config);
        this.resources = options.resources ?? DEFAULT_RESOURCES;
    }
    io() {
        return boardIo(this.config.scratchDir, this.config.allowRamScratch);
    }
    async prepare(ctx) {
        this.board = ctx.board;
        this.signal = ctx.signal;
        this.log = ctx.log;
        if (this.resources.host === 'cgroup') {
            this.limit = await HostLimit.apply(ctx.board, this.resources, this.id, ctx.signal);
            this.limited = this.limit.transport();
            ctx.log(`benchmark processes ${this.limit.summary}`);
        }
        else {
            ctx.log('resources.host is boot: the board is used as it booted (its limits are checked in the fingerprint)');
        }
    }
    fingerprint() {
        return collectFingerprint(this.transport(), { signal: this.signal });
    }
    transport() {
        if (!this.board)
            throw new Error(`environment ${this.id}: transport() before prepare()`);
        return this.limited ?? this.board;
    }
    async teardown() {
        const limit = this.limit;
        this.limit = undefined;
        this.limited = undefined;
        this.board = undefined;
        if (limit) {
            const left = await limit.remove();
            if (left.length > 0)
                this.log?.(`WARNING: could not remove the cgroup ${left.join(' ')}`);
        }
    }
}

/**
 * The `kvm` environment's settings (the keys besides `kind`, `id`, `env`): which QEMU guest
 * to start on the board and how the controller reaches it. Every value is validated here;
 * the QEMU argv is built from these values only (src/environments/guest/qemu-argv.ts).
 */
/** A path on the board (absolute: the engine's working directory is not the board's). */
const BoardPath$1 = string().regex(/^\//, 'must be an absolute path on the board');
/** Names QEMU splits on `,` or `=`: refuse those characters instead of escaping them. */
const QemuName = string().regex(/^[A-Za-z0-9_.:/+-]+$/, 'letters, digits and _ . : / + - only');
const QEMU_ARCHES = ['aarch64', 'arm', 'x86_64'];
const KvmBoot = union([
    object({
        kernel: BoardPath$1,
        initrd: BoardPath$1.optional(),
        /** Kernel command line; default `console=<serial> panic=-1` for the arch. */
        append: string().optional(),
    })
        .strict(),
    object({
        /** A bootable disk image (raw or qcow2), attached as virtio-blk. */
        disk: BoardPath$1,
        format: _enum(['raw', 'qcow2']).default('raw'),
        /** Firmware for disk boot (`-bios`), e.g. an EFI build on arm64 boards. */
        firmware: BoardPath$1.optional(),
    })
        .strict(),
]);
const IfName = string().regex(/^[A-Za-z0-9_.-]{1,15}$/, 'not an interface name');
const Mac = string().regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i, 'not a MAC address');
/** An IPv4 address, optionally with its prefix length (`192.168.100.3/24`). */
const Ipv4WithPrefix = string()
    .regex(/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/, 'an IPv4 address, optionally with /PREFIX');
const KvmNetwork = discriminatedUnion('type', [
    /**
     * QEMU user networking (SLIRP, in the QEMU process: no virtual NIC path on the board);
     * the guest's port 22 is forwarded to 127.0.0.1:hostPort on the board. Only on request.
     */
    object({ type: literal('user'), hostPort: number().int().min(1).max(65535).default(10022) }).strict(),
    /**
     * The paper's path: a TAP the engine makes on a bridge of the board (removed afterwards);
     * the guest has its own address on the bridge.
     */
    object({
        type: literal('bridge'),
        bridge: IfName,
        /** The guest's address (`A` or `A/P`); the project's guest takes it from the kernel command line. */
        address: Ipv4WithPrefix,
        mac: Mac.optional(),
        /** Name of the TAP to make (default `avbt-<random>`). */
        tap: IfName.optional(),
        /** Make the bridge with this address (A/P) when it does not exist, and remove it afterwards. */
        bridgeAddress: string()
            .regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, 'an IPv4 address with /PREFIX')
            .optional(),
    })
        .strict(),
    /** A TAP interface prepared on the board (left as it is); the guest has its own address. */
    object({
        type: literal('tap'),
        ifname: IfName,
        address: Ipv4WithPrefix,
        mac: Mac.optional(),
    })
        .strict(),
]);
/** The default network: an engine-made bridge with NAT, the guest at .2 (see board-net.ts). */
const DEFAULT_KVM_NETWORK = {
    type: 'bridge',
    bridge: 'avbbr0',
    address: '192.168.213.2/24',
    bridgeAddress: '192.168.213.1/24',
};
/** The guest's scratch disk (virtio-blk, serial `avb-scratch`), formatted and mounted inside. */
const KvmDataDisk = object({
    /** Image file or block device on the board; default: an image the engine makes (and removes) each run. */
    path: BoardPath$1.optional(),
    format: _enum(['raw', 'qcow2']).default('raw'),
    /** Size of an image the engine creates. */
    sizeMiB: number().int().min(16).default(1024),
    /** QEMU's `cache=` for the disk; absent: QEMU's default (writeback). */
    cache: _enum(['none', 'writeback', 'writethrough', 'directsync', 'unsafe']).optional(),
})
    .strict();
/** How the controller logs into the guest (keys are on the controller). */
const GuestSsh = object({
    // The rule the ssh transport applies (checked when the config is read).
    user: SshUser.default('root'),
    port: number().int().min(1).max(65535).default(22),
    identityFile: string().min(1),
    /** The guest's host public key (`ssh-ed25519 AAAA...`, e.g. guest/build.sh's host_key.pub)... */
    hostKey: string()
        .trim()
        .regex(/^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/=]+( .*)?$/, 'not a host public key')
        .optional(),
    /** ...or a known_hosts file that already holds it. One of the two is required. */
    knownHosts: string().min(1).optional(),
})
    .strict()
    .refine((s) => s.hostKey !== undefined || s.knownHosts !== undefined, {
    message: 'give hostKey or knownHosts: guest host keys are checked, never accepted blindly',
});
const KvmEnvironmentConfig = object({
    arch: _enum(QEMU_ARCHES).default('aarch64'),
    /** QEMU binary on the board; default `qemu-system-<arch>`. */
    qemu: string().min(1).optional(),
    /** `kvm` on boards; `tcg` (emulation) for labs without KVM. */
    accel: _enum(['kvm', 'tcg']).default('kvm'),
    /** `-M` value; default `virt` on ARM, `pc` on x86_64. */
    machine: QemuName.optional(),
    /** `-cpu` value; default `host` with KVM, an emulated model with TCG. */
    cpu: QemuName.optional(),
    /** Guest memory; default `resources.memory` (the paper: 1 GiB). */
    memoryMiB: number().int().min(64).optional(),
    /** Guest vCPUs; default `resources.cpus` (the paper: 1). */
    vcpus: number().int().min(1).max(64).optional(),
    /** Back guest RAM with pre-allocated huge pages from this hugetlbfs mount. */
    hugepages: union([literal(false), object({ path: BoardPath$1.default('/dev/hugepages') }).strict()])
        .default(false),
    boot: KvmBoot,
    /**
     * IOzone's disk: a virtio-blk disk formatted (when blank) and mounted inside the guest at
     * /mnt/avb-scratch. `false`: none (then IOzone writes in `scratchDir`).
     */
    dataDisk: union([literal(false), KvmDataDisk]).default({ format: 'raw', sizeMiB: 1024 }),
    ...BoardScratch,
    /**
     * The guest's NIC (virtio-net). Default: the paper's bridge + TAP, on a bridge `avbbr0`
     * the engine makes with NAT (like docker's own) when the board has none.
     */
    network: KvmNetwork.default(DEFAULT_KVM_NETWORK),
    ssh: GuestSsh,
    /** From QEMU start to a working SSH login; the guest is killed when it runs out. */
    bootTimeoutSeconds: timeoutSeconds().default(300),
    /** Folder on the board for the pidfile, QMP socket and console log; default per env. */
    workDir: BoardPath$1.optional(),
    /** Extra QEMU arguments (argv items, appended last), e.g. the QEMU options a PR changes. */
    extraArgs: array(string().min(1)).default([]),
})
    .strict();
/**
 * The guest gets the CPUs and memory of `resources` unless its own keys say otherwise
 * (then the fingerprints differ and the analysis says so); with `resources: all`, 1 vCPU
 * and 1 GiB.
 */
function resolveKvmConfig(s, resources) {
    return {
        ...s,
        vcpus: s.vcpus ?? resources.cpus ?? 1,
        memoryMiB: s.memoryMiB ?? (resources.memoryBytes !== null ? Math.round(resources.memoryBytes / 2 ** 20) : 1024),
    };
}

const SHORT_MS = 15_000;
/**
 * A minimal QMP client run on the board: greeting → qmp_capabilities → one command.
 * Fixed text; the socket path and command name arrive as argv[1] and argv[2].
 */
const QMP_PY = `
import json, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(5)
s.connect(sys.argv[1])
f = s.makefile('rwb')
f.readline()
for cmd in ('qmp_capabilities', sys.argv[2]):
    f.write((json.dumps({'execute': cmd}) + '\\n').encode()); f.flush()
    while True:
        line = f.readline()
        if not line or b'"return"' in line or b'"error"' in line:
            break
print('qmp ok')
`;
async function run(board, argv, timeoutMs = SHORT_MS, signal) {
    const r = await board.exec(argv, { timeoutMs, signal });
    return { ok: r.exitCode === 0, output: r.output, exitCode: r.exitCode };
}
/** Is `pid` alive and a QEMU (guards against a reused pid)? */
async function qemuAlive(board, pid) {
    try {
        const r = await run(board, ['cat', `/proc/${pid}/comm`]);
        return r.ok && r.output.trim().startsWith('qemu');
    }
    catch {
        return false;
    }
}
async function readPid(board, pidFile) {
    try {
        const r = await run(board, ['cat', pidFile]);
        const pid = Number(r.output.trim());
        return r.ok && Number.isInteger(pid) && pid > 1 ? pid : undefined;
    }
    catch {
        return undefined;
    }
}
/** Bytes of the console file from `offset` on (the file may not exist yet: empty). */
async function readFrom(board, path, offset) {
    const r = await run(board, ['tail', '-c', `+${offset + 1}`, path]);
    return r.ok ? r.output : '';
}
/** Sends one QMP command (python3 on the board, else socat); false when neither worked. */
async function qmpCommand(board, socketPath, command) {
    try {
        const py = await run(board, ['python3', '-c', QMP_PY, socketPath, command]);
        if (py.ok && py.output.includes('qmp ok'))
            return true;
        const payload = `{"execute":"qmp_capabilities"}\n{"execute":"${command}"}\n`;
        const r = await board.exec(['socat', '-t', '2', '-', `UNIX-CONNECT:${socketPath}`], {
            timeoutMs: SHORT_MS,
            stdin: payload,
        });
        return r.exitCode === 0;
    }
    catch {
        return false;
    }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Polls until the pid is gone or `withinMs` passes; true when gone. */
async function waitGone(board, pid, withinMs) {
    const deadline = Date.now() + withinMs;
    for (;;) {
        if (!(await qemuAlive(board, pid)))
            return true;
        if (Date.now() >= deadline)
            return false;
        await sleep(300);
    }
}
/**
 * Stop a QEMU: guest power-down over QMP, then QMP quit, then SIGTERM, then SIGKILL.
 * Returns how it ended (for the log); never throws.
 */
async function stopQemu(board, pid, qmpSocket, powerdownMs) {
    try {
        if (!(await qemuAlive(board, pid)))
            return 'not-running';
        if (powerdownMs > 0 && (await qmpCommand(board, qmpSocket, 'system_powerdown'))) {
            if (await waitGone(board, pid, powerdownMs))
                return 'powerdown';
        }
        if (await qmpCommand(board, qmpSocket, 'quit')) {
            if (await waitGone(board, pid, 3000))
                return 'quit';
        }
        await run(board, ['kill', '-TERM', String(pid)]);
        if (await waitGone(board, pid, 3000))
            return 'sigterm';
        await run(board, ['kill', '-KILL', String(pid)]);
        if (await waitGone(board, pid, 3000))
            return 'sigkill';
        return 'still-running';
    }
    catch {
        return 'still-running';
    }
}

const STAGES = [
    ['sshd', /^avb-guest: sshd started/m],
    ['network', /^avb-guest: network /m],
    ['init', /Run \/init as init process|Run \/sbin\/init|^avb-guest: init started/m],
    ['kernel', /Linux version \d|Booting Linux on physical CPU/m],
    ['firmware', /SeaBIOS|U-Boot|EFI stub|UEFI firmware/m],
];
const FATAL = [
    /^.*Kernel panic - not syncing.*$/m,
    /^avb-guest: error: .*$/m,
    /^.*No working init found.*$/m,
];
function consoleState(text) {
    let stage = 'none';
    for (const [name, re] of STAGES) {
        if (re.test(text)) {
            stage = name;
            break;
        }
    }
    for (const re of FATAL) {
        const m = re.exec(text);
        if (m)
            return { stage, fatal: m[0].trim() };
    }
    return { stage };
}
/** The last `n` lines of a console, for an error message. */
function consoleTail(text, n = 15) {
    const lines = text.replace(/\r/g, '').split('\n');
    while (lines.length > 0 && lines[lines.length - 1] === '')
        lines.pop();
    return lines.slice(-n).join('\n');
}

/**
 * Huge page check before a guest is started with `hugepages` (pure): enough free pages in
 * /proc/meminfo for all of the guest's RAM, or a clear reason.
 */
function hugepagesShortfall(meminfo, memoryMiB) {
    const num = (key) => {
        const m = new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(meminfo);
        return m ? Number(m[1]) : undefined;
    };
    const free = num('HugePages_Free');
    const sizeKb = num('Hugepagesize');
    if (free === undefined || sizeKb === undefined || sizeKb === 0) {
        return 'hugepages: the board kernel reports no huge pages (no HugePages_Free/Hugepagesize in /proc/meminfo)';
    }
    const needed = Math.ceil((memoryMiB * 1024) / sizeKb);
    if (free < needed) {
        return `hugepages: the guest needs ${needed} free ${sizeKb} kB pages for ${memoryMiB} MiB but /proc/meminfo shows HugePages_Free: ${free} (reserve them, e.g. sysctl vm.nr_hugepages=${needed})`;
    }
    return undefined;
}

const ARM32_KVM_REMOVED = '32-bit ARM KVM host support was removed in Linux 5.7';
/** `armv7l`, `armv6l`, `arm`, `armv8l` (a 32-bit kernel on a 64-bit CPU) — not aarch64/arm64. */
function isArm32(machine) {
    return /^arm(v\d+[a-z]*)?$/i.test(machine.trim());
}
/** `5.10.0-23-armmp-lpae` → [5, 10]; undefined when it does not start with a version. */
function kernelVersion(release) {
    const m = /^(\d+)\.(\d+)/.exec(release.trim());
    return m ? [Number(m[1]), Number(m[2])] : undefined;
}
function kvmHostSupport(facts) {
    if (facts.devKvm)
        return { ok: true };
    const v = kernelVersion(facts.kernelRelease);
    if (isArm32(facts.machine) && v && (v[0] > 5 || (v[0] === 5 && v[1] >= 7))) {
        return {
            ok: false,
            reason: `${ARM32_KVM_REMOVED}: the board runs ${facts.kernelRelease} on ${facts.machine} and has no /dev/kvm (boot a kernel older than 5.7, or measure with accel: tcg)`,
        };
    }
    return {
        ok: false,
        reason: `no /dev/kvm on the board (${facts.kernelRelease} on ${facts.machine}): KVM is not enabled in this kernel, the kvm module is not loaded, or the CPU was not started in HYP mode`,
    };
}

/** Prefix of every TAP and bridge this tool makes (so leftovers can be found). */
/**
 * $1 TAP name, $2 bridge, $3 the bridge's address A/P (empty: the bridge must exist).
 * Prints `bridge-created`, `nat-added` and `forward-was N` for what it made, then `tap-up`.
 */
const TAP_UP_SCRIPT = `tap=$1; br=$2; addr=$3
if [ ! -d "/sys/class/net/$br" ]; then
  [ -n "$addr" ] || { echo "no bridge $br on the board (create it, or give the kvm network a bridgeAddress)"; exit 4; }
  ip link add name "$br" type bridge || exit 3
  ip addr add "$addr" dev "$br" || { ip link del "$br"; exit 3; }
  ip link set dev "$br" up || { ip link del "$br"; exit 3; }
  echo bridge-created
  if command -v iptables >/dev/null 2>&1; then
    iptables -t nat -A POSTROUTING -s "$addr" ! -o "$br" -j MASQUERADE &&
      iptables -I FORWARD -i "$br" -j ACCEPT && iptables -I FORWARD -o "$br" -j ACCEPT && echo nat-added
    echo "forward-was $(cat /proc/sys/net/ipv4/ip_forward)"
    echo 1 > /proc/sys/net/ipv4/ip_forward
  fi
fi
[ -d "/sys/class/net/$br/bridge" ] || { echo "$br is not a bridge"; exit 4; }
ip link del "$tap" 2>/dev/null
ip tuntap add dev "$tap" mode tap || exit 3
ip link set dev "$tap" master "$br" && ip link set dev "$tap" up || { ip link del "$tap"; exit 3; }
echo tap-up`;
/**
 * $1 TAP name; $2 a bridge to remove too, $3 its address when NAT was added for it, $4 the
 * forwarding setting to restore (each empty: nothing to undo). Never fails.
 */
const TAP_DOWN_SCRIPT = `ip link del "$1" 2>/dev/null
if [ -n "$3" ]; then
  iptables -t nat -D POSTROUTING -s "$3" ! -o "$2" -j MASQUERADE 2>/dev/null
  iptables -D FORWARD -i "$2" -j ACCEPT 2>/dev/null; iptables -D FORWARD -o "$2" -j ACCEPT 2>/dev/null
fi
[ -z "$4" ] || echo "$4" > /proc/sys/net/ipv4/ip_forward
[ -z "$2" ] || ip link del "$2" 2>/dev/null
true`;
/**
 * $1 an interface. Prints the IPv4 addresses (A/P) of its bridge when it is a bridge port
 * (a TAP, a vif, a veth), else its own.
 */
const LINK_ADDRESS_SCRIPT = `i=$1
[ -e "/sys/class/net/$i/master" ] && i=$(basename "$(readlink -f "/sys/class/net/$i/master")")
ip -4 -o addr show dev "$i" 2>/dev/null | awk '{ for (f = 1; f < NF; f++) if ($f == "inet") print $(f + 1) }'`;
/** First `A/P` of the script's output → { address, prefix }. */
function parseLinkAddress(text) {
    const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/m.exec(text.trim());
    return m ? { address: m[1], prefix: Number(m[2]) } : undefined;
}
/** The board's IPv4 address on `iface`'s link (its bridge's when it is a bridge port). */
async function boardAddressOn(board, iface, signal) {
    const r = await board.exec(['sh', '-c', LINK_ADDRESS_SCRIPT, 'sh', iface], { timeoutMs: 30_000, signal });
    return r.exitCode === 0 ? parseLinkAddress(r.output) : undefined;
}
async function tapUp(board, tap, bridge, bridgeAddress, signal) {
    const r = await board.exec(['sh', '-c', TAP_UP_SCRIPT, 'sh', tap, bridge, bridgeAddress ?? ''], {
        timeoutMs: 60_000,
        signal,
    });
    const made = { tap };
    if (/^bridge-created$/m.test(r.output))
        made.bridge = bridge;
    if (/^nat-added$/m.test(r.output) && bridgeAddress)
        made.natFor = bridgeAddress;
    const was = /^forward-was ([01])$/m.exec(r.output)?.[1];
    if (was === '0')
        made.forwardWas = was;
    if (r.exitCode !== 0 || !/^tap-up$/m.test(r.output)) {
        await tapDown(board, made);
        throw new Error(`cannot make the TAP ${tap} on bridge ${bridge} on ${board.description} (exit ${r.exitCode}; root needed): ${r.output.trim().slice(0, 300)}`);
    }
    return made;
}
/** Removes the TAP and whatever tapUp made with it; never throws. */
async function tapDown(board, made) {
    await board
        .exec([
        'sh',
        '-c',
        TAP_DOWN_SCRIPT,
        'sh',
        made.tap,
        made.bridge ?? '',
        made.natFor ?? '',
        made.forwardWas ?? '',
    ], { timeoutMs: 60_000 })
        .catch(() => undefined);
}

/** Where the guests mount their scratch disk. */
const GUEST_SCRATCH_MOUNT = '/mnt/avb-scratch';
/** The virtio-blk serial number the KVM guest finds its scratch disk by. */
const SCRATCH_SERIAL = 'avb-scratch';
/**
 * On the board: $1 path, $2 format (raw|qcow2), $3 size in MiB, $4 `fresh` (an image the
 * engine owns: made anew). A block device or an existing image is used as it is. Prints
 * `created PATH` or `exists PATH`.
 */
const BOARD_DISK_SCRIPT = `p=$1; fmt=$2; size=$3
if [ "$4" = fresh ]; then rm -f -- "$p" || exit 3; fi
if [ -e "$p" ]; then echo "exists $p"; exit 0; fi
mkdir -p -- "$(dirname -- "$p")" || exit 3
case $fmt in
  raw) truncate -s "\${size}M" -- "$p" || exit 3 ;;
  qcow2) qemu-img create -q -f qcow2 "$p" "\${size}M" || exit 3 ;;
  *) echo "unknown format $fmt"; exit 2 ;;
esac
echo "created $p"`;
/**
 * In the guest: $1 the disk (`serial:NAME` for virtio-blk, or a device path such as
 * /dev/xvdb), $2 the mount point. Waits (bounded) for the device, mounts the file system
 * it holds; a disk that holds no file system is formatted ext4 (e2fsprogs' mke2fs, else
 * busybox's ext2) only when its first MiB is blank — a disk with data is never
 * formatted. Prints `mounted DEV` or `formatted DEV`, or the reason and a non-zero exit.
 */
const GUEST_MOUNT_SCRIPT = `spec=$1; mnt=$2; dev=
nap() { usleep 100000 2>/dev/null || sleep 0.1 2>/dev/null || sleep 1; }
n=0
while [ "$n" -lt 150 ]; do
  case $spec in
    serial:*)
      for s in /sys/block/*/serial; do
        [ -r "$s" ] && [ "$(cat "$s")" = "\${spec#serial:}" ] && dev=/dev/$(basename "$(dirname "$s")")
      done ;;
    *) [ -b "$spec" ] && dev=$spec ;;
  esac
  [ -n "$dev" ] && [ -b "$dev" ] && break
  dev=; nap; n=$((n + 1))
done
[ -n "$dev" ] || { echo "no disk $spec in the guest (ls /sys/block: $(ls /sys/block | tr '\\n' ' '))"; exit 5; }
if awk -v m="$mnt" '$2 == m { f = 1 } END { exit !f }' /proc/mounts; then echo "mounted $dev"; exit 0; fi
mkdir -p -- "$mnt" || exit 3
if mount "$dev" "$mnt" 2>/dev/null; then echo "mounted $dev"; exit 0; fi
if [ -n "$(dd if="$dev" bs=65536 count=16 2>/dev/null | tr -d '\\000' | head -c 1)" ]; then
  echo "$dev holds data but no file system this guest can mount: refusing to format it"; exit 6
fi
# e2fsprogs' mke2fs by its path: a busybox shell runs its own applet for a bare "mke2fs".
made=
for m in /usr/sbin/mkfs.ext4 /sbin/mkfs.ext4 /usr/bin/mke2fs /usr/sbin/mke2fs /sbin/mke2fs; do
  [ -x "$m" ] && "$m" -t ext4 -F -q "$dev" >/dev/null 2>&1 && { made=ext4; break; }
done
[ -n "$made" ] || mke2fs -F "$dev" >/dev/null 2>&1 || { echo "mke2fs $dev failed"; exit 7; }
mount "$dev" "$mnt" || { echo "mount $dev after formatting failed"; exit 8; }
echo "formatted $dev"`;
/** Removes an image the engine made, and its folder when nothing else is left in it. Never throws. */
async function removeBoardDisk(board, path) {
    await board
        .exec(['sh', '-c', 'rm -f -- "$1"; rmdir -- "$(dirname -- "$1")" 2>/dev/null; true', 'sh', path], {
        timeoutMs: 30_000,
    })
        .catch(() => undefined);
}
/** Creates the image on the board when absent (or anew when the engine owns it). */
async function prepareBoardDisk(board, disk, signal) {
    const r = await board.exec([
        'sh',
        '-c',
        BOARD_DISK_SCRIPT,
        'sh',
        disk.path,
        disk.format,
        String(disk.sizeMiB),
        disk.fresh ? 'fresh' : 'keep',
    ], { timeoutMs: 120_000, signal });
    const m = /^(created|exists) /m.exec(r.output);
    if (r.exitCode !== 0 || !m) {
        throw new Error(`cannot create the scratch disk ${disk.path} on ${board.description} (exit ${r.exitCode}): ${r.output.trim().slice(0, 300)}`);
    }
    return m[1];
}
/** Mounts (formatting a blank disk first) the scratch disk inside the guest. */
async function mountGuestDisk(guest, spec, mountPoint, signal) {
    const r = await guest.exec(['sh', '-c', GUEST_MOUNT_SCRIPT, 'sh', spec, mountPoint], {
        timeoutMs: 300_000,
        signal,
    });
    const line = r.output.trim().split('\n').pop() ?? '';
    if (r.exitCode !== 0 || !/^(mounted|formatted) /.test(line)) {
        throw new Error(`the scratch disk (${spec}) could not be mounted at ${mountPoint} in the guest (exit ${r.exitCode}): ${r.output.trim().slice(0, 300)}`);
    }
    return line;
}

/**
 * The QEMU command line of a `kvm` guest, built from validated config only (pure). QEMU is
 * started with `-daemonize` through the board transport, so the transport call returns once
 * the guest is running; that is why the console goes to a file (`-serial file:`) with
 * `-display none` instead of `-nographic` (which QEMU refuses together with `-daemonize`).
 */
/** A UNIX socket path must fit sun_path (108 bytes on Linux, with its NUL). */
const MAX_SOCKET_PATH = 100;
function qemuPaths(workDir) {
    let qmpSocket = `${workDir}/qmp.sock`;
    if (Buffer.byteLength(qmpSocket) > MAX_SOCKET_PATH) {
        // A deep log folder: keep the socket in /tmp under a name derived from the folder.
        qmpSocket = `/tmp/avb-qmp-${createHash('sha256').update(workDir).digest('hex').slice(0, 16)}.sock`;
    }
    return {
        workDir,
        consoleLog: `${workDir}/console.log`,
        pidFile: `${workDir}/qemu.pid`,
        qmpSocket,
    };
}
function qemuBinary(config) {
    return config.qemu ?? `qemu-system-${config.arch}`;
}
/** The serial console device the guest kernel writes to, by architecture. */
function serialConsole(arch) {
    return arch === 'x86_64' ? 'ttyS0' : 'ttyAMA0';
}
function defaultMachine(config) {
    return config.arch === 'x86_64' ? 'pc' : 'virt';
}
function defaultCpu(config) {
    if (config.accel === 'kvm')
        return 'host';
    // Under TCG: the paper's boards are Cortex-A15 (32-bit) and A57-class (64-bit).
    if (config.arch === 'aarch64')
        return 'cortex-a57';
    if (config.arch === 'arm')
        return 'cortex-a15';
    return 'max';
}
/** Refuse values that would break QEMU's `key=value,...` option syntax. */
function optionValue(what, value) {
    if (/[,\n]/.test(value))
        throw new Error(`kvm: ${what} must not contain ',' or a newline: ${value}`);
    return value;
}
/** The guest's address without a prefix length. */
function hostPart(address) {
    return address.replace(/\/\d+$/, '');
}
function buildQemuArgv(config, paths, name, runtime = {}) {
    const argv = [qemuBinary(config)];
    argv.push('-name', optionValue('name', name));
    const machine = config.machine ?? defaultMachine(config);
    // Huge pages: guest RAM from hugetlbfs, allocated up front (QEMU fails at start if short).
    argv.push('-machine', config.hugepages === false ? machine : `${machine},memory-backend=avbmem`);
    argv.push('-accel', config.accel === 'kvm' ? 'kvm' : 'tcg');
    argv.push('-cpu', config.cpu ?? defaultCpu(config));
    argv.push('-smp', String(config.vcpus));
    argv.push('-m', `${config.memoryMiB}M`);
    if (config.hugepages !== false) {
        const path = optionValue('hugepages.path', config.hugepages.path);
        argv.push('-object', `memory-backend-file,id=avbmem,size=${config.memoryMiB}M,mem-path=${path},prealloc=on,share=off`);
    }
    argv.push('-display', 'none', '-monitor', 'none');
    argv.push('-serial', `file:${optionValue('console log path', paths.consoleLog)}`);
    argv.push('-qmp', `unix:${optionValue('QMP socket path', paths.qmpSocket)},server=on,wait=off`);
    argv.push('-pidfile', paths.pidFile, '-daemonize', '-no-reboot');
    const boot = config.boot;
    let drive = 0;
    const addDisk = (path, format, extra = {}) => {
        const id = `avbdisk${drive++}`;
        const cache = extra.cache ? `,cache=${extra.cache}` : '';
        argv.push('-drive', `file=${optionValue('disk path', path)},format=${format},if=none,id=${id}${cache}`);
        argv.push('-device', `virtio-blk-pci,drive=${id}${extra.serial ? `,serial=${extra.serial}` : ''}`);
    };
    if ('kernel' in boot) {
        argv.push('-kernel', boot.kernel);
        if (boot.initrd)
            argv.push('-initrd', boot.initrd);
        argv.push('-append', boot.append ??
            [`console=${serialConsole(config.arch)}`, 'panic=-1', ...(runtime.append ?? [])].join(' '));
    }
    else {
        if (boot.firmware)
            argv.push('-bios', boot.firmware);
        addDisk(boot.disk, boot.format);
    }
    if (config.dataDisk !== false) {
        const path = runtime.dataDiskPath ?? config.dataDisk.path;
        if (!path)
            throw new Error('kvm: the data disk has no path yet (prepare makes it)');
        addDisk(path, config.dataDisk.format, {
            serial: SCRATCH_SERIAL,
            ...(config.dataDisk.cache ? { cache: config.dataDisk.cache } : {}),
        });
    }
    const net = config.network;
    if (net.type === 'user') {
        argv.push('-netdev', `user,id=avbnet,hostfwd=tcp:127.0.0.1:${net.hostPort}-:${config.ssh.port}`);
    }
    else if (net.type === 'bridge') {
        const tap = runtime.tap ?? net.tap;
        if (!tap)
            throw new Error('kvm: the TAP for the bridge has no name yet (prepare makes it)');
        argv.push('-netdev', `tap,id=avbnet,ifname=${tap},script=no,downscript=no`);
    }
    else {
        argv.push('-netdev', `tap,id=avbnet,ifname=${net.ifname},script=no,downscript=no`);
    }
    const mac = net.type === 'user' ? undefined : net.mac;
    // `romfile=`: no network boot ROM. The guest boots from -kernel or its disk, and boards
    // often lack the ROM files (Debian's ipxe-qemu is only a Recommends of qemu-system-arm),
    // which makes QEMU refuse to start ("failed to find romfile efi-virtio.rom").
    argv.push('-device', `virtio-net-pci,netdev=avbnet${mac ? `,mac=${mac}` : ''},romfile=`);
    // Arguments under test (e.g. a PR's QEMU options): last, so they can override the above.
    argv.push(...config.extraArgs);
    return argv;
}
/** Where the controller's SSH client connects to reach the guest, as seen from the board. */
function guestEndpoint(config) {
    const net = config.network;
    if (net.type === 'user')
        return { host: '127.0.0.1', port: net.hostPort };
    return { host: hostPart(net.address), port: config.ssh.port };
}

/**
 * Runs one local child process the way every transport needs it: argv only (no shell),
 * in its own process group so a timeout or an abort kills the whole tree (SIGTERM, then
 * SIGKILL after a grace), stdout+stderr streamed to the raw log as they arrive, and an
 * environment built only from what the caller passes (never the controller's own).
 */
/** PATH given to every command unless the caller sets its own. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** Keep at most this much output in memory; the raw log file always gets all of it. */
const MAX_OUTPUT_CHARS = 32 * 1024 * 1024;
/**
 * The environment a command gets: a minimal PATH/LANG/HOME plus the caller's variables.
 * LANG=C keeps number formats stable for the parsers. Nothing comes from process.env,
 * so tokens held by the controller (GITHUB_TOKEN, ...) never reach benchmark processes.
 */
function minimalEnv(extra = {}) {
    return {
        PATH: DEFAULT_PATH,
        LANG: 'C',
        LC_ALL: 'C',
        HOME: homedir(),
        ...(runLabel !== undefined ? { [RUN_LABEL_VAR]: runLabel } : {}),
        ...extra,
    };
}
/**
 * The run every process started from now on belongs to: its id goes into each one's
 * environment as AVB_RUN (also on the board, see ssh.ts), so that the next run on the board
 * can find and remove what a crashed run left (src/engine/leftovers.ts). One run per
 * process at a time; the engine sets it for the length of a run.
 */
const RUN_LABEL_VAR = 'AVB_RUN';
let runLabel;
function setRunLabel(runId) {
    runLabel = runId;
}
function currentRunLabel() {
    return runLabel;
}
function openLog(path) {
    mkdirSync(dirname(path), { recursive: true });
    return createWriteStream(path, { flags: 'a' });
}
function closeLog(log) {
    if (!log)
        return Promise.resolve();
    return new Promise((resolve) => {
        log.end(() => resolve());
        log.once('error', () => resolve());
    });
}
function killGroup(pid, sig) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, sig);
    }
    catch {
        // The group is already gone.
    }
}
function runProcess(argv, options) {
    const [program, ...args] = argv;
    if (program === undefined)
        return Promise.reject(new Error('empty argv'));
    const started = performance.now();
    const grace = options.killGraceMs ?? 2000;
    const log = options.logPath ? openLog(options.logPath) : undefined;
    return new Promise((resolve) => {
        let output = '';
        let truncated = false;
        let timedOut = false;
        let cancelled = false;
        let settled = false;
        let killTimer;
        let exitTimer;
        const decoder = new StringDecoder('utf8');
        const stdinFd = options.stdinFile === undefined ? undefined : openSync(options.stdinFile, 'r');
        const child = spawn(program, args, {
            cwd: options.cwd,
            env: options.env,
            detached: true, // own process group: -pid addresses the whole tree
            stdio: [stdinFd ?? (options.stdin === undefined ? 'ignore' : 'pipe'), 'pipe', 'pipe'],
            windowsHide: true,
        });
        if (stdinFd !== undefined)
            closeSync(stdinFd); // the child holds its own copy
        const onData = (chunk) => {
            log?.write(chunk);
            if (truncated)
                return;
            output += decoder.write(chunk);
            if (output.length > MAX_OUTPUT_CHARS) {
                truncated = true;
                output = output.slice(0, MAX_OUTPUT_CHARS) + '\n[output truncated in memory; see the raw log]\n';
            }
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
        if (options.stdin !== undefined && child.stdin) {
            child.stdin.on('error', () => {
                // The command did not read its stdin: not an error of ours.
            });
            child.stdin.end(options.stdin);
        }
        const stop = (why) => {
            if (settled || timedOut || cancelled)
                return;
            if (why === 'timeout')
                timedOut = true;
            else
                cancelled = true;
            const before = options.beforeKill ? options.beforeKill().catch(() => undefined) : Promise.resolve();
            // Do not let a hung remote kill delay the local kill for long.
            void Promise.race([before, new Promise((r) => setTimeout(r, grace))]).then(() => {
                killGroup(child.pid, 'SIGTERM');
                killTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), grace);
                killTimer.unref();
            });
        };
        const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
        const onAbort = () => stop('abort');
        if (options.signal?.aborted)
            queueMicrotask(onAbort);
        else
            options.signal?.addEventListener('abort', onAbort, { once: true });
        const finish = (result) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            clearTimeout(exitTimer);
            clearTimeout(killTimer);
            // Whatever is left of the group dies with the command: a child that ignored the SIGTERM
            // and let go of the output pipes would otherwise outlive its timeout (its pipes no longer
            // hold 'close' back, and the SIGKILL timer was just cleared), and a background child of a
            // command that exited normally would outlive its cell.
            if (result.spawnError === undefined)
                killGroup(child.pid, 'SIGKILL');
            options.signal?.removeEventListener('abort', onAbort);
            if (!truncated)
                output += decoder.end();
            const durationMs = performance.now() - started;
            void closeLog(log).then(() => resolve({
                ...result,
                exitCode: timedOut || cancelled ? null : result.exitCode,
                output,
                durationMs,
                timedOut,
                cancelled,
            }));
        };
        child.once('error', (err) => {
            // Only a failed spawn lands here in practice; report it like a shell would (127/126).
            const where = options.cwd === undefined ? '' : ` in ${options.cwd}`;
            const message = `cannot run ${JSON.stringify(program)}${where}: ${err.code ?? err.message}\n`;
            onData(Buffer.from(message));
            finish({ exitCode: err.code === 'EACCES' ? 126 : 127, signal: null, spawnError: err });
        });
        child.once('exit', () => {
            // Output pipes may still be held by children the command left behind; give them a
            // moment to drain, then kill whatever remains of the group so nothing outlives a cell.
            exitTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 1000);
            exitTimer.unref();
        });
        child.once('close', (code, sig) => finish({ exitCode: code, signal: sig }));
    });
}

/**
 * Quoting for a POSIX shell. ssh sends the remote command as one string that the remote
 * login shell parses, so every argv element is wrapped in single quotes, where nothing is
 * special except the single quote itself, which becomes '\'' (close, escaped quote, reopen).
 */
/** One argument, safe for sh/dash/bash/ash (not csh/fish). */
function shQuote(arg) {
    if (arg.includes('\0'))
        throw new Error('an argument cannot contain a NUL byte');
    return `'${arg.replace(/'/g, `'\\''`)}'`;
}
/** A whole argv as one command line for a POSIX shell. */
function shJoin(argv) {
    return argv.map(shQuote).join(' ');
}

/**
 * The board (or a guest through the board) over the system OpenSSH client.
 *
 * - Host keys: StrictHostKeyChecking=yes against the configured known_hosts only; an
 *   unknown or changed key fails with a TransportError that says so.
 * - One ControlMaster connection per transport (socket in a private 0700 temp dir),
 *   started explicitly with `-f` so it lives outside any command's process group.
 * - ProxyJump: the jump host has its own Host block (own known_hosts, own key).
 * - Commands: argv quoted for the remote POSIX shell, run by a fixed wrapper in their own
 *   session with `env -i` + the caller's variables; on timeout/abort the remote process
 *   group is killed over the master connection, then the local ssh client.
 * - ssh's exit 255 is checked against the wrapper's record: a command that itself exited
 *   255 is returned as such, anything else is a TransportError (connection refused/lost).
 */
/** Turns the config's SshTarget (key file or name of an env var holding the key) into options. */
function sshHostFromConfig(target, env = process.env) {
    let identityKey;
    if (target.identityEnv !== undefined) {
        identityKey = env[target.identityEnv];
        if (!identityKey) {
            throw new TransportError(`ssh key: environment variable ${target.identityEnv} (identityEnv) is not set or empty`, `${target.user}@${target.host}:${target.port}`, 'auth');
        }
    }
    return {
        host: target.host,
        port: target.port,
        user: target.user,
        knownHosts: target.knownHosts,
        identityFile: target.identityFile,
        identityKey,
        connectTimeoutSeconds: target.connectTimeoutSeconds,
    };
}
/** True when something accepts connections on the unix socket (a live ControlMaster). */
function socketAnswers(path) {
    return new Promise((resolve) => {
        const sock = createConnection({ path });
        sock.once('connect', () => {
            sock.destroy();
            resolve(true);
        });
        sock.once('error', () => resolve(false));
    });
}
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Which kind of failure OpenSSH's output shows (see TransportFailure). */
function classifySshFailure(output) {
    if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed|No \S+ host key is known/.test(output))
        return 'host-key';
    if (/Permission denied \(|Too many authentication failures|Authentication failed|no mutual signature/i.test(output))
        return 'auth';
    if (/Connection refused|Connection timed out|No route to host|Network is unreachable|Connection reset|Connection closed by|kex_exchange_identification|Could not resolve hostname/i.test(output))
        return 'unreachable';
    return 'other';
}
/** Known OpenSSH failure lines, turned into one clear reason. */
function explainSshFailure(output, where, knownHosts) {
    const lines = output
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/^@+$/.test(l) && !l.startsWith('@'));
    const kind = classifySshFailure(output);
    if (kind === 'host-key') {
        const changed = /IDENTIFICATION HAS CHANGED/.test(output);
        return (`${where}: host key ${changed ? 'does not match' : 'is not in'} ${knownHosts.join(' / ')} ` +
            `(StrictHostKeyChecking=yes): refusing to connect. ${lines.slice(-3).join(' ')}`);
    }
    const tail = lines.slice(-4).join(' ') || 'ssh failed without a message';
    if (kind === 'auth') {
        return `${where}: the key was not accepted (check identityFile/identityEnv and the board's authorized_keys): ${tail}`;
    }
    return `${where}: ${tail}`;
}
class SshTransport {
    options;
    description;
    dir;
    config;
    controlPath = '';
    masterStarting;
    closed = false;
    grace;
    constructor(options) {
        this.options = options;
        const at = (h) => `${h.user}@${h.host}:${h.port}`;
        this.description = `ssh ${at(options)}${options.jump ? ` via ${at(options.jump)}` : ''}`;
        this.grace = options.killGraceMs ?? 2000;
        if (options.identityFile && options.identityKey) {
            throw new Error(`${this.description}: give a key file or a key text, not both`);
        }
    }
    /** Writes the private config (and key files) once. */
    async setup() {
        if (this.closed)
            throw new TransportError('transport is closed', this.description);
        if (this.config)
            return this.config;
        const dir = await mkdtemp(join(tmpdir(), 'avb-ssh-'));
        await chmod(dir, 0o700);
        this.dir = dir;
        const endpoint = async (h, name) => {
            let identityFile = h.identityFile;
            if (h.identityKey !== undefined) {
                identityFile = join(dir, `${name}_key`);
                // OpenSSH refuses keys without the final newline or with CRLF.
                const text = h.identityKey.replace(/\r\n/g, '\n').trim() + '\n';
                await writeFile(identityFile, text, { mode: 0o600 });
            }
            return {
                host: h.host,
                port: h.port,
                user: h.user,
                knownHosts: h.knownHosts,
                identityFile,
                connectTimeoutSeconds: h.connectTimeoutSeconds ?? 15,
            };
        };
        this.controlPath = join(dir, 'cm');
        const text = buildSshConfig({
            target: await endpoint(this.options, 'target'),
            jump: this.options.jump ? await endpoint(this.options.jump, 'jump') : undefined,
            controlPath: this.controlPath,
            serverAliveIntervalSeconds: this.options.serverAliveIntervalSeconds ?? 10,
            serverAliveCountMax: this.options.serverAliveCountMax ?? 3,
        });
        const config = join(dir, 'ssh_config');
        await writeFile(config, text, { mode: 0o600 });
        this.config = config;
        return config;
    }
    knownHostsFiles() {
        return [this.options.knownHosts, ...(this.options.jump ? [this.options.jump.knownHosts] : [])];
    }
    connectBudgetMs() {
        const t = (this.options.connectTimeoutSeconds ?? 15) + (this.options.jump?.connectTimeoutSeconds ?? 0);
        return (t + 10) * 1000;
    }
    /** Runs ssh itself (not a benchmark command) with the private config. */
    ssh(args, extra) {
        return runProcess(['ssh', '-F', this.config, ...args], {
            timeoutMs: extra.timeoutMs,
            env: minimalEnv(),
            stdinFile: extra.stdinFile,
            logPath: extra.logPath,
            killGraceMs: 500,
        });
    }
    /**
     * Starts the master connection unless its socket is there. `-f` makes ssh fork after
     * authentication (setsid, stdio to /dev/null), so the master outlives this call and is
     * in no command's process group. Authentication and host-key failures surface here.
     */
    async ensureMaster() {
        await this.setup();
        if (existsSync(this.controlPath)) {
            if (await socketAnswers(this.controlPath))
                return;
            // A stale socket (master killed): remove it, or ssh would connect directly each time.
            await rm(this.controlPath, { force: true });
        }
        this.masterStarting ??= (async () => {
            const r = await this.ssh([
                '-o',
                'ControlMaster=yes',
                '-o',
                `ControlPersist=${this.options.controlPersistSeconds ?? 300}`,
                '-f',
                '-N',
                TARGET_ALIAS,
            ], { timeoutMs: this.connectBudgetMs() });
            if (r.timedOut)
                throw new TransportError(`${this.description}: connection timed out`, this.description, 'unreachable');
            if (r.exitCode !== 0) {
                // With ControlPersist, OpenSSH sends the ProxyJump hop's stderr to /dev/null, which
                // would hide why the jump host failed (e.g. its host key): ask once more, plainly.
                const diag = this.options.jump
                    ? await this.ssh(['-T', TARGET_ALIAS, 'true'], { timeoutMs: this.connectBudgetMs() })
                    : r;
                const output = diag.exitCode === 255 ? diag.output : r.output;
                throw new TransportError(explainSshFailure(output, this.description, this.knownHostsFiles()), this.description, classifySshFailure(output));
            }
        })().finally(() => {
            this.masterStarting = undefined;
        });
        await this.masterStarting;
    }
    /** A fixed control script over the master (kill a run's group, read a 255 status). */
    async control(action, id) {
        await this.ensureMaster();
        const tenths = String(Math.max(1, Math.round(this.grace / 100)));
        const remote = shJoin(['sh', '-c', CONTROL_SCRIPT, 'avb-ctl', action, id, tenths]);
        return this.ssh(['-T', TARGET_ALIAS, remote], { timeoutMs: this.connectBudgetMs() + this.grace });
    }
    async exec(argv, options) {
        const program = argv[0];
        if (program === undefined)
            throw new Error('ssh exec: empty argv');
        if (program.includes('='))
            throw new Error(`ssh exec: program name ${JSON.stringify(program)} contains '='`);
        // The run's label goes with every remote command too (see process.ts: setRunLabel).
        const label = currentRunLabel();
        const env = { ...(label !== undefined ? { [RUN_LABEL_VAR]: label } : {}), ...(options.env ?? {}) };
        for (const key of Object.keys(env)) {
            if (!ENV_KEY.test(key))
                throw new Error(`ssh exec: ${JSON.stringify(key)} is not an environment variable name`);
        }
        await this.ensureMaster();
        const id = randomBytes(8).toString('hex');
        const assignments = Object.entries(env).map(([k, v]) => `${k}=${v}`);
        const remote = shJoin([
            'sh',
            '-c',
            RUN_SCRIPT,
            'avb-run',
            id,
            options.cwd ?? '',
            ...assignments,
            ...argv,
        ]);
        const r = await runProcess(['ssh', '-F', this.config, '-T', TARGET_ALIAS, remote], {
            timeoutMs: options.timeoutMs,
            env: minimalEnv(),
            stdin: options.stdin,
            logPath: options.logPath,
            signal: options.signal,
            killGraceMs: this.grace,
            beforeKill: async () => {
                await this.control('kill', id);
            },
        });
        const result = {
            exitCode: r.exitCode,
            timedOut: r.timedOut,
            cancelled: r.cancelled,
            output: r.output,
            durationMs: r.durationMs,
        };
        if (r.timedOut || r.cancelled)
            return result;
        if (r.spawnError)
            throw new TransportError(`${this.description}: cannot run ssh: ${r.spawnError.message}`, this.description);
        if (r.exitCode !== 255)
            return result;
        // 255: the command's own status, or ssh failing (refused, dropped, auth)? Ask the target.
        let status;
        let why = '';
        try {
            status = await this.control('status', id);
        }
        catch (err) {
            why = err instanceof Error ? err.message : String(err);
        }
        if (status?.exitCode === 0 && status.output.trim() === '255')
            return result;
        const during = status?.exitCode === 0 ? 'the connection was lost while the command ran' : 'ssh failed';
        const detail = explainSshFailure(r.output, this.description, this.knownHostsFiles());
        const kind = classifySshFailure(r.output);
        throw new TransportError(`${detail} (${during}${why ? `; reconnecting failed: ${why}` : ''}) [${program}]`, this.description, status?.exitCode === 0 ? 'lost' : kind);
    }
    /**
     * Copies a file or a directory (recursively; a directory's contents land in remotePath,
     * like `cp -r`) as a tar stream or a plain byte stream over the master connection.
     */
    async copyTo(localPath, remotePath, options = {}) {
        await this.ensureMaster();
        const timeoutMs = options.timeoutMs ?? 600_000;
        const st = await stat(localPath);
        let stdinFile = localPath;
        let script = WRITE_FILE_SCRIPT;
        if (st.isDirectory()) {
            stdinFile = join(this.dir, `copy-${randomBytes(4).toString('hex')}.tar`);
            const tar = await runProcess(['tar', '-C', localPath, '-cf', stdinFile, '.'], {
                timeoutMs,
                env: minimalEnv(),
            });
            if (tar.exitCode !== 0)
                throw new Error(`copy ${localPath}: tar failed: ${tar.output.trim()}`);
            script = UNTAR_SCRIPT;
        }
        try {
            const remote = shJoin(['sh', '-c', script, 'avb-copy', remotePath]);
            const r = await this.ssh(['-T', TARGET_ALIAS, remote], { timeoutMs, stdinFile });
            if (r.timedOut)
                throw new TransportError(`${this.description}: copy of ${basename(localPath)} timed out`, this.description);
            if (r.exitCode === 255) {
                throw new TransportError(explainSshFailure(r.output, this.description, this.knownHostsFiles()), this.description, classifySshFailure(r.output));
            }
            if (r.exitCode !== 0) {
                throw new Error(`copy ${localPath} to ${this.description}:${remotePath} failed: ${r.output.trim()}`);
            }
        }
        finally {
            if (stdinFile !== localPath)
                await rm(stdinFile, { force: true });
        }
    }
    /** Stops the master connection and removes the private dir (key text included). */
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        await this.masterStarting?.catch(() => undefined);
        if (this.config && existsSync(this.controlPath)) {
            await this.ssh(['-O', 'exit', TARGET_ALIAS], { timeoutMs: 10_000 }).catch(() => undefined);
        }
        if (this.dir)
            await rm(this.dir, { recursive: true, force: true });
    }
}

/**
 * How the controller reaches a guest over SSH: the guest endpoint (as seen from the board),
 * its known_hosts (written from the configured host key), and the board as ProxyJump when
 * the board itself is reached over SSH. The transport is made by a factory so the engine
 * (and tests) can pass the project's ssh transport.
 */
/** The project's ssh transport, with the board as ProxyJump when there is one. */
const sshGuestTransport = (spec) => new SshTransport({ ...spec.target, ...(spec.jump ? { jump: spec.jump } : {}) });
/**
 * The board's SSH endpoint, when the board is reached over SSH: given by the engine (it
 * has the board config), or exposed by the board transport as `sshHost`. Undefined for a
 * local board: the guest's 127.0.0.1 forward is then reached directly.
 */
function boardSshEndpoint(board, given) {
    if (given)
        return given;
    const e = board.sshHost;
    if (e && typeof e === 'object' && 'host' in e && 'knownHosts' in e)
        return e;
    return undefined;
}
/** known_hosts line for host:port (`[host]:port` unless port 22, as OpenSSH writes it). */
function knownHostsLine(host, port, hostKey) {
    const name = port === 22 ? host : `[${host}]:${port}`;
    const [type, key] = hostKey.trim().split(/\s+/);
    if (!type || !key)
        throw new Error(`not a host public key: ${hostKey}`);
    return `${name} ${type} ${key}\n`;
}
function writeKnownHosts(path, host, port, hostKey) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, knownHostsLine(host, port, hostKey), { mode: 0o600 });
}

/**
 * Waits `ms`, or less when `signal` aborts: resolves either way (unlike
 * timers/promises, which rejects), so boot-wait loops simply re-check their state.
 */
function abortableSleep(ms, signal) {
    return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}

/**
 * `kvm`: a QEMU guest started ON THE BOARD through the board's transport (local or SSH),
 * reached by SSH — directly on 127.0.0.1:PORT when the board is this machine, through the
 * board as ProxyJump otherwise. Boot is followed on the serial console and by SSH probes
 * (never a fixed sleep); a guest that does not come up in `bootTimeoutSeconds` is killed
 * and the error names its console log, which is kept. Its I/O paths are the paper's: a
 * TAP on a bridge of the board (made here, removed on teardown) and a virtio-blk scratch
 * disk (an image made on the board when absent) that the guest formats and mounts.
 */
/** Args: PID. The CPU lists the QEMU process's threads may run on, one per line (distinct). */
const THREAD_AFFINITY_SCRIPT = `for f in /proc/$1/task/*/status; do sed -n 's/^Cpus_allowed_list:[[:space:]]*//p' "$f"; done | sort -u`;
class GuestBootError extends Error {
    consoleLog;
    name = 'GuestBootError';
    constructor(message, consoleLog) {
        super(message);
        this.consoleLog = consoleLog;
    }
}
class KvmEnvironment {
    id;
    options;
    kind = 'kvm';
    bootMode = 'linux';
    config;
    board;
    ctx;
    paths;
    pid;
    guest;
    qemuVersion;
    /** The console log on the controller (the board's file itself when the board is local). */
    localConsole = '';
    mirrorConsole = false;
    consoleBytes = 0;
    consoleText = '';
    /** The scratch image when the engine made it (removed on teardown). */
    ownedDisk;
    tap;
    /** The board's address on the guest's link, and the guest's board-side interface. */
    boardLink = {};
    /** The board's CPUs QEMU (every thread: vCPUs and I/O) is pinned to, as read back. */
    pinnedCpus;
    resources;
    constructor(id, config, options = {}) {
        this.id = id;
        this.options = options;
        this.resources = options.resources ?? DEFAULT_RESOURCES;
        this.config = resolveKvmConfig(KvmEnvironmentConfig.parse(config), this.resources);
    }
    /** The console log kept for this guest (on the controller). */
    get consoleLog() {
        return this.localConsole;
    }
    async prepare(ctx) {
        const c = this.config;
        this.board = ctx.board;
        this.ctx = ctx;
        const board = ctx.board;
        const logDir = resolve(ctx.logDir);
        mkdirSync(logDir, { recursive: true });
        const jump = boardSshEndpoint(board, this.options.boardSsh);
        const qemu = qemuBinary(c);
        const version = await run(board, [qemu, '--version'], 30_000, ctx.signal);
        if (!version.ok) {
            throw new Error(`kvm ${this.id}: ${qemu} does not run on ${board.description} (exit ${version.exitCode}): ${version.output.trim().slice(0, 200) || 'not installed?'}`);
        }
        this.qemuVersion = version.output.split('\n')[0]?.trim();
        if (c.accel === 'kvm') {
            const facts = await run(board, ['sh', '-c', 'uname -m; uname -r; if [ -e /dev/kvm ]; then echo yes; else echo no; fi'], 15_000, ctx.signal);
            const [machine = '', release = '', kvm = ''] = facts.output.trim().split('\n');
            const verdict = kvmHostSupport({ machine, kernelRelease: release, devKvm: kvm.trim() === 'yes' });
            if (!verdict.ok)
                throw new Error(`kvm ${this.id}: ${verdict.reason}`);
        }
        if (c.hugepages !== false) {
            const meminfo = await run(board, ['cat', '/proc/meminfo'], 15_000, ctx.signal);
            const short = hugepagesShortfall(meminfo.output, c.memoryMiB);
            if (short)
                throw new Error(`kvm ${this.id}: ${short}`);
        }
        const workDir = c.workDir ?? (jump ? `/var/tmp/arm-virt-bench/${this.id}` : logDir);
        const paths = qemuPaths(workDir);
        this.paths = paths;
        this.mirrorConsole = jump !== undefined || c.workDir !== undefined;
        this.localConsole = this.mirrorConsole ? join(logDir, 'console.log') : paths.consoleLog;
        if (this.mirrorConsole)
            writeFileSync(this.localConsole, '');
        await run(board, ['mkdir', '-p', workDir], 15_000, ctx.signal);
        await run(board, ['rm', '-f', paths.consoleLog, paths.pidFile, paths.qmpSocket], 15_000, ctx.signal);
        // The guest's SSH: endpoint as seen from the board, host key checked.
        const endpoint = guestEndpoint(c);
        let knownHosts = c.ssh.knownHosts;
        if (c.ssh.hostKey !== undefined) {
            knownHosts = join(logDir, 'guest_known_hosts');
            writeKnownHosts(knownHosts, endpoint.host, endpoint.port, c.ssh.hostKey);
        }
        this.guest = (this.options.guestTransport ?? sshGuestTransport)({
            target: {
                host: endpoint.host,
                port: endpoint.port,
                user: c.ssh.user,
                knownHosts: knownHosts,
                identityFile: c.ssh.identityFile,
                connectTimeoutSeconds: 10,
            },
            ...(jump ? { jump } : {}),
        });
        const runtime = await this.prepareIo(board, ctx);
        // The guest's vCPUs run on the same physical CPUs as the host's benchmark processes:
        // QEMU is started pinned (taskset), so every thread it makes inherits the affinity.
        const pin = await boardCpuList(board, this.resources, ctx.signal);
        if (pin !== undefined) {
            const ts = await run(board, ['sh', '-c', 'command -v taskset'], 15_000, ctx.signal);
            if (!ts.ok)
                throw new Error(`kvm ${this.id}: taskset is not on ${board.description} (install util-linux): it pins the guest to CPU ${pin}`);
        }
        const qemuArgv = buildQemuArgv(c, paths, `avb-${this.id}`, runtime);
        const argv = pin !== undefined ? ['taskset', '-c', pin, ...qemuArgv] : qemuArgv;
        writeFileSync(join(logDir, 'qemu.argv.json'), JSON.stringify(argv, null, 2) + '\n');
        ctx.log(`starting ${qemu} (${c.accel}, ${c.vcpus} vCPU, ${c.memoryMiB} MiB${pin !== undefined ? `, pinned to CPU ${pin}` : ''}) on ${board.description}`);
        const started = await board.exec(argv, { timeoutMs: 60_000, signal: ctx.signal });
        this.pid = await readPid(board, paths.pidFile);
        if (started.exitCode !== 0) {
            await this.syncConsole();
            throw new GuestBootError(`kvm ${this.id}: ${qemu} failed to start (exit ${started.exitCode}${started.timedOut ? ', timed out' : ''}): ${started.output.trim().slice(0, 500)}; console log: ${this.localConsole}`, this.localConsole);
        }
        if (this.pid === undefined) {
            throw new GuestBootError(`kvm ${this.id}: QEMU started but wrote no pid to ${paths.pidFile}`, this.localConsole);
        }
        await this.waitForBoot(ctx);
        if (pin !== undefined) {
            const aff = await run(board, ['sh', '-c', THREAD_AFFINITY_SCRIPT, 'avb-affinity', String(this.pid)]);
            const lists = aff.output.trim().split('\n').filter(Boolean);
            this.pinnedCpus = lists.length === 1 ? lists[0] : undefined;
            ctx.log(`QEMU threads run on CPU ${lists.join(' / ') || '(unknown)'}`);
        }
        if (c.dataDisk !== false) {
            const done = await mountGuestDisk(this.guest, `serial:${SCRATCH_SERIAL}`, GUEST_SCRATCH_MOUNT, ctx.signal);
            ctx.log(`scratch disk: ${done} at ${GUEST_SCRATCH_MOUNT} in the guest`);
        }
    }
    /** The board's side of the guest's disk and NIC: the scratch image and the TAP. */
    async prepareIo(board, ctx) {
        const c = this.config;
        const runtime = {};
        if (c.dataDisk !== false) {
            const owned = c.dataDisk.path === undefined;
            const path = c.dataDisk.path ?? `/var/tmp/arm-virt-bench/${this.id}/scratch.img`;
            const how = await prepareBoardDisk(board, { path, format: c.dataDisk.format, sizeMiB: c.dataDisk.sizeMiB, fresh: owned }, ctx.signal);
            if (owned)
                this.ownedDisk = path;
            runtime.dataDiskPath = path;
            ctx.log(`scratch disk ${path} (${c.dataDisk.format}, ${how === 'created' ? `${c.dataDisk.sizeMiB} MiB, made` : 'as it is'})`);
        }
        const net = c.network;
        if (net.type === 'user')
            return runtime;
        if (net.type === 'bridge') {
            const tap = net.tap ?? `avbt-${randomBytes(4).toString('hex')}`;
            this.tap = await tapUp(board, tap, net.bridge, net.bridgeAddress, ctx.signal);
            await ctx.track?.({ kind: 'tap', ...this.tap });
            runtime.tap = tap;
            ctx.log(`TAP ${tap} on bridge ${net.bridge}${this.tap.bridge ? ` (bridge made, ${net.bridgeAddress}${this.tap.natFor ? ', NAT' : ''})` : ''}`);
        }
        const iface = net.type === 'bridge' ? runtime.tap : net.ifname;
        const link = await boardAddressOn(board, iface, ctx.signal);
        this.boardLink = { iface, ...(link ? { address: link.address } : {}) };
        // The project's guest configures its NIC from these (guest/rc.sh); other guests ignore them.
        const prefix = /\/(\d+)$/.exec(net.address)?.[1] ?? String(link?.prefix ?? 24);
        runtime.append = [
            `avb.ip=${net.address.replace(/\/\d+$/, '')}/${prefix}`,
            `avb.gw=${link?.address ?? 'none'}`,
        ];
        return runtime;
    }
    io() {
        const c = this.config;
        const user = c.network.type === 'user';
        return {
            scratch: {
                ...(c.dataDisk !== false ? { dir: GUEST_SCRATCH_MOUNT } : c.scratchDir ? { dir: c.scratchDir } : {}),
                allowRam: c.allowRamScratch,
                remedy: c.dataDisk === false
                    ? 'give the kvm environment a dataDisk (its default: an image on the board, formatted and mounted in the guest)'
                    : `the guest mounts its data disk at ${GUEST_SCRATCH_MOUNT}: check that it did (environment log)`,
            },
            // User networking: the guest reaches the board's loopback at QEMU's gateway.
            net: user
                ? { boardAddress: '10.0.2.2', boardListen: '127.0.0.1' }
                : {
                    ...(this.boardLink.address
                        ? { boardAddress: this.boardLink.address, boardListen: this.boardLink.address }
                        : {}),
                    ...(this.boardLink.iface ? { boardIface: this.boardLink.iface } : {}),
                },
        };
    }
    /** Appends what is new in the board's console file to the controller's copy. */
    async syncConsole() {
        if (!this.board || !this.paths)
            return;
        try {
            const chunk = await readFrom(this.board, this.paths.consoleLog, this.consoleBytes);
            if (chunk.length === 0)
                return;
            this.consoleBytes += Buffer.byteLength(chunk);
            this.consoleText += chunk;
            if (this.mirrorConsole)
                appendFileSync(this.localConsole, chunk);
        }
        catch {
            // The console is best effort; the boot decision also uses SSH and the pid.
        }
    }
    async waitForBoot(ctx) {
        const c = this.config;
        const board = this.board;
        const guest = this.guest;
        const start = Date.now();
        const deadline = start + c.bootTimeoutSeconds * 1000;
        const pollMs = this.options.pollMs ?? 1000;
        const where = guest.description;
        let stage = 'none';
        let round = 0;
        const fail = async (why) => {
            await this.syncConsole();
            const outcome = await stopQemu(board, this.pid, this.paths.qmpSocket, 0);
            const tail = consoleTail(this.consoleText);
            throw new GuestBootError(`kvm ${this.id}: ${why} (last stage seen on the console: ${stage}); QEMU ${outcome === 'not-running' ? 'had exited' : `was stopped (${outcome})`}; console log: ${this.localConsole}${tail ? `\n--- console tail ---\n${tail}` : ''}`, this.localConsole);
        };
        for (;;) {
            round++;
            if (ctx.signal?.aborted)
                return fail('boot cancelled');
            await this.syncConsole();
            const state = consoleState(this.consoleText);
            if (state.stage !== stage) {
                stage = state.stage;
                ctx.log(`${stage} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
            }
            if (state.fatal)
                return fail(`the guest failed to boot: ${state.fatal}`);
            if (!(await qemuAlive(board, this.pid)))
                return fail('QEMU exited during boot');
            // Probe SSH as soon as the guest says sshd runs, and now and then for other guests.
            if (stage === 'sshd' || round % 5 === 0) {
                const left = deadline - Date.now();
                if (left > 0) {
                    const probe = await guest
                        .exec(['true'], { timeoutMs: Math.min(20_000, Math.max(left, 1000)), signal: ctx.signal })
                        .catch(() => undefined);
                    if (probe?.exitCode === 0) {
                        // The kept console log must hold the whole boot, not just what the last poll saw.
                        await this.syncConsole();
                        ctx.log(`SSH answers on ${where} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
                        return;
                    }
                }
            }
            if (Date.now() >= deadline) {
                return fail(`the guest did not answer SSH (${where}) within its boot timeout of ${c.bootTimeoutSeconds} s`);
            }
            await abortableSleep(Math.min(pollMs, Math.max(0, deadline - Date.now())), ctx.signal);
        }
    }
    async fingerprint() {
        const c = this.config;
        const base = await collectFingerprint(this.transport(), { signal: this.ctx?.signal });
        // cpuList names the board's CPUs: the pinning as the board reads it, else unknown
        // (the guest's own list numbers its vCPUs).
        const { cpuList: _vcpus, ...inside } = base;
        return {
            ...inside,
            ...(this.pinnedCpus !== undefined ? { cpuList: this.pinnedCpus } : {}),
            hypervisor: c.accel === 'kvm' ? 'kvm' : 'qemu-tcg',
            kvm: c.accel,
            ...(this.qemuVersion ? { qemuVersion: this.qemuVersion } : {}),
            guest: {
                accel: c.accel,
                machine: c.machine ?? null,
                vcpus: c.vcpus,
                memoryMiB: c.memoryMiB,
                pinnedCpus: this.pinnedCpus ?? null,
                hugepages: c.hugepages !== false,
                network: c.network.type,
                dataDisk: c.dataDisk === false ? false : { format: c.dataDisk.format, cache: c.dataDisk.cache ?? 'default' },
                boot: 'kernel' in c.boot ? 'kernel' : 'disk',
            },
        };
    }
    transport() {
        if (!this.guest || this.pid === undefined)
            throw new Error(`environment ${this.id}: transport() before prepare()`);
        return this.guest;
    }
    async teardown() {
        const board = this.board;
        try {
            await this.guest?.close();
        }
        catch {
            // closing connections is best effort
        }
        if (!board)
            return;
        try {
            await this.teardownQemu(board);
        }
        finally {
            // After QEMU is gone: the TAP (and a bridge made for it) and the engine's scratch image.
            if (this.tap)
                await tapDown(board, this.tap);
            this.tap = undefined;
            if (this.ownedDisk)
                await removeBoardDisk(board, this.ownedDisk);
            this.ownedDisk = undefined;
        }
    }
    async teardownQemu(board) {
        if (!this.paths)
            return;
        try {
            this.pid ??= await readPid(board, this.paths.pidFile);
            if (this.pid !== undefined) {
                const outcome = await stopQemu(board, this.pid, this.paths.qmpSocket, this.options.powerdownMs ?? 15_000);
                this.ctx?.log(`QEMU pid ${this.pid} ${outcome === 'not-running' ? 'had already exited' : `stopped (${outcome})`}`);
                if (outcome === 'still-running')
                    this.ctx?.log(`WARNING: QEMU pid ${this.pid} could not be killed`);
            }
            await this.syncConsole();
            await run(board, ['rm', '-f', this.paths.pidFile, this.paths.qmpSocket]).catch(() => undefined);
        }
        catch (e) {
            this.ctx?.log(`teardown: ${e.message}`);
        }
        finally {
            this.pid = undefined;
            this.guest = undefined;
        }
    }
}

/** `file:` tells an empty file from an absent one; `@@xlrc N` is xl info's exit status. */
const DOM0_PROBE_SCRIPT = `
echo @@hv; if [ -r /sys/hypervisor/type ]; then echo file:; cat /sys/hypervisor/type; fi
echo @@caps; if [ -r /proc/xen/capabilities ]; then echo file:; cat /proc/xen/capabilities; fi
echo @@xl; if command -v xl >/dev/null 2>&1; then xl info 2>&1; echo "@@xlrc $?"; fi
echo @@list; if command -v xl >/dev/null 2>&1; then xl list 2>&1; fi
echo @@end
`;
function parseDom0Probe(text) {
    const sections = new Map();
    let current;
    let rc;
    for (const line of text.split(/\r?\n/)) {
        const m = /^@@(hv|caps|xl|list|end)$/.exec(line);
        if (m?.[1]) {
            current = [];
            sections.set(m[1], current);
            continue;
        }
        const r = /^@@xlrc (\d+)$/.exec(line);
        if (r) {
            rc = Number(r[1]);
            continue;
        }
        current?.push(line);
    }
    if (!sections.has('end'))
        throw new Error('Dom0 probe output is cut short (no @@end marker)');
    const fileValue = (name) => {
        const s = sections.get(name) ?? [];
        return s[0] === 'file:' ? s.slice(1).join('\n').trim() : undefined;
    };
    const xl = sections.get('xl') ?? [];
    return {
        facts: {
            hypervisorType: fileValue('hv'),
            capabilities: fileValue('caps'),
            xlInfoExit: rc,
            xlInfoOutput: xl.join('\n'),
        },
        xlList: (sections.get('list') ?? []).join('\n'),
    };
}

/**
 * Pure readers of Xen's toolstack output and the decisions built on them.
 * - `xl info`: one `key : value` per line (keys padded with spaces), e.g.
 *   `xen_version            : 4.17.5`, `xen_caps : xen-3.0-aarch64 xen-3.0-armv7l`.
 * - `xl list`: a header `Name  ID  Mem VCPUs State Time(s)` then one row per domain;
 *   the name is the first column and may not contain spaces, Mem is in MiB.
 */
function parseXlInfo(text) {
    const out = {};
    for (const line of text.split(/\r?\n/)) {
        const m = /^([a-z_0-9]+)\s*:\s?(.*)$/.exec(line);
        if (m?.[1])
            out[m[1]] = (m[2] ?? '').trim();
    }
    return out;
}
/** Rows of `xl list` (header skipped); throws on a line it cannot read. */
function parseXlList(text) {
    const domains = [];
    const lines = text.split(/\r?\n/);
    lines.forEach((line, i) => {
        if (line.trim() === '' || /^Name\s+ID\s+Mem/.test(line))
            return;
        const m = /^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+([-a-z]{6})\s+([\d.]+)\s*$/.exec(line);
        if (!m)
            throw new Error(`xl list: line ${i + 1} is not a domain row: ${JSON.stringify(line)}`);
        domains.push({
            name: m[1],
            id: Number(m[2]),
            memMiB: Number(m[3]),
            vcpus: Number(m[4]),
            state: m[5],
            timeSeconds: Number(m[6]),
        });
    });
    return domains;
}
/** Undefined when this is a Xen Dom0 whose toolstack answers; otherwise the reason. */
function dom0Refusal(f) {
    const hv = f.hypervisorType?.trim();
    if (hv !== 'xen') {
        return `not running on Xen: /sys/hypervisor/type is ${hv === undefined ? 'absent' : `'${hv}'`} (boot the board in its xen mode first)`;
    }
    if (f.capabilities === undefined) {
        return 'Xen is underneath but /proc/xen/capabilities is absent: mount xenfs (mount -t xenfs xenfs /proc/xen) so the control domain can be recognised';
    }
    if (!/\bcontrol_d\b/.test(f.capabilities)) {
        return `this is a Xen guest, not Dom0: /proc/xen/capabilities is '${f.capabilities.trim()}' (no control_d)`;
    }
    if (f.xlInfoExit === undefined)
        return 'Dom0 has no `xl` command: install the Xen tools (xen-utils)';
    if (f.xlInfoExit !== 0) {
        const why = f.xlInfoOutput.trim().split('\n').slice(-3).join(' ');
        return `\`xl info\` failed on Dom0 (exit ${f.xlInfoExit}): ${why || 'no output'} (is xencommons / xen.service running?)`;
    }
    if (!parseXlInfo(f.xlInfoOutput).xen_version)
        return "`xl info` printed no xen_version: not Xen's toolstack output";
    return undefined;
}
/** The Dom0 facts the fingerprint keeps from `xl info` and `xl list`. */
function dom0Fingerprint(xlInfo, xlList) {
    const info = parseXlInfo(xlInfo);
    const out = {};
    const num = (k) => {
        const v = Number(info[k]);
        return info[k] !== undefined && info[k] !== '' && Number.isFinite(v) ? v : undefined;
    };
    if (info.xen_version) {
        out.xenVersion = info.xen_version;
        out.hypervisorVersion = info.xen_version;
    }
    if (info.xen_caps)
        out.xenCaps = info.xen_caps;
    if (info.xen_scheduler)
        out.xenScheduler = info.xen_scheduler;
    if (info.xen_commandline)
        out.xenCommandline = info.xen_commandline;
    for (const [k, key] of [
        ['nr_cpus', 'xenNrCpus'],
        ['total_memory', 'xenTotalMemoryMiB'],
        ['free_memory', 'xenFreeMemoryMiB'],
    ]) {
        const v = num(k);
        if (v !== undefined)
            out[key] = v;
    }
    let domains = [];
    try {
        domains = parseXlList(xlList);
    }
    catch {
        // An unreadable `xl list` only costs the Dom0 vCPU/memory facts.
    }
    const dom0 = domains.find((d) => d.id === 0);
    if (dom0) {
        out.dom0Vcpus = dom0.vcpus;
        out.dom0MemMiB = dom0.memMiB;
    }
    return out;
}
/** PV front-ends seen in a guest: `ls /sys/bus/xen/drivers` names and `lsmod` modules. */
function pvDrivers(sysDrivers, lsmod) {
    const drivers = sysDrivers.split(/\s+/).filter(Boolean);
    const modules = lsmod
        .split('\n')
        .slice(1)
        .map((l) => l.split(/\s+/)[0] ?? '')
        .filter(Boolean);
    const seen = [...new Set([...drivers, ...modules.filter((m) => /^xen[-_]/.test(m))])].sort();
    // xen-netfront registers as the xenbus driver `vif`, xen-blkfront as `vbd`.
    const netfront = drivers.includes('vif') || modules.includes('xen_netfront');
    const blkfront = drivers.includes('vbd') || modules.includes('xen_blkfront');
    return { netfront, blkfront, seen };
}

/**
 * `xen-dom0`: commands run on the board itself, like `host`, but only when Xen's control
 * domain is underneath: prepare reads /sys/hypervisor/type (= xen), /proc/xen/capabilities
 * (control_d) and `xl info` (answers) and refuses otherwise with the reason. The
 * fingerprint adds Xen's own facts (version, caps, scheduler, free memory, CPUs) and
 * Dom0's vCPUs and memory from `xl list`.
 */
/**
 * Why Dom0's vCPUs or memory (Xen's `xl list` view) are not what `resources` asks for, with
 * the Xen arguments that would fix it; undefined when they match (memory within 10%).
 */
function dom0ResourceMismatch(facts, resources) {
    const vcpus = typeof facts.dom0Vcpus === 'number' ? facts.dom0Vcpus : undefined;
    const memMiB = typeof facts.dom0MemMiB === 'number' ? facts.dom0MemMiB : undefined;
    const wantMiB = resources.memoryBytes !== null ? Math.round(resources.memoryBytes / 2 ** 20) : null;
    const problems = [];
    const fixes = [];
    if (resources.cpus !== null && vcpus !== undefined && vcpus !== resources.cpus) {
        problems.push(`${vcpus} vCPU${vcpus === 1 ? '' : 's'} (resources.cpus: ${resources.cpus})`);
        fixes.push(`dom0_max_vcpus=${resources.cpus}`);
    }
    if (wantMiB !== null && memMiB !== undefined && Math.abs(memMiB - wantMiB) > 0.1 * wantMiB) {
        problems.push(`${memMiB} MiB (resources.memory: ${wantMiB} MiB)`);
        fixes.push(`dom0_mem=${wantMiB}M,max:${wantMiB}M`);
    }
    if (problems.length === 0)
        return undefined;
    return `Dom0 has ${problems.join(' and ')}: Xen's boot arguments decide it (${fixes.join(' ')}); its overheads will be marked unequal resources`;
}
/** Dom0's own settings (besides the common `id` and `env`): where IOzone writes. */
const XenDom0EnvironmentConfig = object({ ...BoardScratch }).strict();
async function probeDom0(board, signal) {
    const r = await board.exec(['sh', '-c', DOM0_PROBE_SCRIPT], { timeoutMs: 60_000, signal });
    if (r.timedOut)
        throw new Error(`Dom0 probe timed out on ${board.description}`);
    return parseDom0Probe(r.output);
}
class XenDom0Environment {
    id;
    kind = 'xen-dom0';
    bootMode = 'xen';
    board;
    signal;
    probe;
    config;
    resources;
    constructor(id = 'xen-dom0', config = {}, options = {}) {
        this.id = id;
        this.config = XenDom0EnvironmentConfig.parse(config);
        this.resources = options.resources ?? DEFAULT_RESOURCES;
    }
    io() {
        return boardIo(this.config.scratchDir, this.config.allowRamScratch);
    }
    async prepare(ctx) {
        const probe = await probeDom0(ctx.board, ctx.signal);
        const refusal = dom0Refusal(probe.facts);
        if (refusal)
            throw new Error(`xen-dom0 ${this.id}: refusing to measure on ${ctx.board.description}: ${refusal}`);
        this.board = ctx.board;
        this.signal = ctx.signal;
        this.probe = probe;
        ctx.log(`Xen Dom0 confirmed on ${ctx.board.description}`);
        // Dom0's CPUs and memory come from Xen's boot arguments (dom0_max_vcpus, dom0_mem):
        // checked against `resources`, never assumed (the fingerprint reads them from inside).
        const mismatch = dom0ResourceMismatch(dom0Fingerprint(probe.facts.xlInfoOutput, probe.xlList), this.resources);
        if (mismatch)
            ctx.log(`WARNING: ${mismatch}`);
    }
    async fingerprint() {
        const board = this.transport();
        const base = await collectFingerprint(board, { signal: this.signal });
        // Fresh numbers (free memory changes as domains come and go).
        const probe = await probeDom0(board, this.signal).catch(() => this.probe);
        // Dom0's own CPU list numbers its vCPUs, not the board's CPUs: not kept.
        const { cpuList: _vcpus, ...inside } = base;
        return {
            ...inside,
            hypervisor: 'xen',
            xenCapabilities: probe.facts.capabilities ?? base.xenCapabilities,
            ...dom0Fingerprint(probe.facts.xlInfoOutput, probe.xlList),
        };
    }
    transport() {
        if (!this.board)
            throw new Error(`environment ${this.id}: transport() before prepare()`);
        return this.board;
    }
    async teardown() {
        this.board = undefined;
    }
}

/**
 * The `xen-domu` environment's settings: which domain `xl create` starts on Dom0 (an
 * existing domain config file on the board, or one generated from the values below) and
 * how the controller reaches it over SSH through Dom0.
 */
const BoardPath = string()
    .regex(/^\/[^"\n\r\0\\]*$/, 'must be an absolute path on the board without quotes, backslashes or newlines');
/** xl domain names: letters, digits, `_ . -` (no spaces: `xl list` splits on them). */
const XenDomainName = string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'not a Xen domain name');
const XenDomuGenerated = object({
    kernel: BoardPath,
    ramdisk: BoardPath.optional(),
    /** Kernel command line (`extra`), e.g. `console=hvc0 avb.ip=192.168.100.2/24 avb.gw=none`. */
    cmdline: string()
        .regex(/^[^"\n\r\0\\]*$/, 'no quotes, backslashes or newlines')
        .default('console=hvc0'),
    /** Domain memory; default `resources.memory` (the paper: 1 GiB). */
    memoryMiB: number().int().min(32).optional(),
    /** Domain vCPUs; default `resources.cpus` (the paper: 1). */
    vcpus: number().int().min(1).max(64).optional(),
    /** Guest type; omitted → xl's default (on ARM every guest is PVH-like). */
    type: _enum(['pv', 'pvh', 'hvm']).optional(),
    disks: array(object({
        path: BoardPath,
        vdev: string().regex(/^xvd[a-z]$/, 'a Xen virtual disk name like xvda'),
        format: _enum(['raw', 'qcow2']).default('raw'),
        access: _enum(['rw', 'ro']).default('rw'),
    })
        .strict())
        .default([]),
    /** Bridge on Dom0 for the guest's PV NIC (`vif`). */
    bridge: string().regex(/^[A-Za-z0-9_.-]{1,15}$/, 'not an interface name'),
    mac: string()
        .regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i, 'not a MAC address')
        .optional(),
})
    .strict();
/** The DomU's scratch disk: a Xen PV disk, formatted (when blank) and mounted inside at /mnt/avb-scratch. */
const XenDomuDataDisk = object({
    /** Image file or block device on Dom0; default: an image the engine makes (and removes) each run. */
    path: BoardPath.optional(),
    format: _enum(['raw', 'qcow2']).default('raw'),
    /** Size of an image the engine creates. */
    sizeMiB: number().int().min(16).default(1024),
    /** The guest's name for it (with `configFile`, the disk that file attaches). */
    vdev: string()
        .regex(/^xvd[a-z]$/, 'a Xen virtual disk name like xvdb')
        .default('xvdb'),
})
    .strict();
const XenDomuEnvironmentConfig = object({
    /** The domain's name (`xl destroy NAME` on teardown): must match the config file's. */
    name: XenDomainName,
    /** An existing xl domain config on Dom0... */
    configFile: BoardPath.optional(),
    /** ...or the values of one the environment writes (with fixed content). */
    generate: XenDomuGenerated.optional(),
    /** The guest's address as Dom0 sees it (on the bridge). */
    // The rule the ssh transport applies to hosts (checked when the config is read).
    address: SshHostName,
    ssh: GuestSsh,
    bootTimeoutSeconds: timeoutSeconds().default(300),
    /** Folder on Dom0 for the generated config; default /var/tmp/arm-virt-bench/<id>. */
    workDir: BoardPath.optional(),
    /**
     * IOzone's disk (xvdb): attached to a generated domain (with `configFile`, that file
     * attaches it), formatted and mounted inside. `false`: none (IOzone writes in `scratchDir`).
     */
    dataDisk: union([literal(false), XenDomuDataDisk])
        .default({ format: 'raw', sizeMiB: 1024, vdev: 'xvdb' }),
    ...BoardScratch,
})
    .strict()
    .refine((c) => (c.configFile === undefined) !== (c.generate === undefined), {
    message: 'give exactly one of configFile (a domain config on Dom0) or generate (values for one)',
})
    .refine((c) => c.dataDisk === false || !c.generate?.disks.some((d) => d.vdev === c.dataDisk.vdev), {
    path: ['dataDisk', 'vdev'],
    message: 'generate.disks already has a disk with this vdev: choose another one',
});
/** The domain's size: its own keys, else `resources` (with `all`: 1 vCPU, 1 GiB). */
function domuSize(g, resources) {
    return {
        vcpus: g.vcpus ?? resources.cpus ?? 1,
        memoryMiB: g.memoryMiB ?? (resources.memoryBytes !== null ? Math.round(resources.memoryBytes / 2 ** 20) : 1024),
    };
}
/** The xl config text for generated domains: fixed layout, values already validated. */
function xlDomainConfig(name, g, extraDisks = [], resources = DEFAULT_RESOURCES) {
    const size = domuSize(g, resources);
    const q = (v) => `"${v}"`;
    const lines = [
        '# Written by arm-virt-bench (xen-domu environment).',
        `name = ${q(name)}`,
        ...(g.type ? [`type = ${q(g.type)}`] : []),
        `kernel = ${q(g.kernel)}`,
        ...(g.ramdisk ? [`ramdisk = ${q(g.ramdisk)}`] : []),
        `extra = ${q(g.cmdline)}`,
        `memory = ${size.memoryMiB}`,
        `vcpus = ${size.vcpus}`,
        `vif = [ ${q(`bridge=${g.bridge}${g.mac ? `,mac=${g.mac}` : ''}`)} ]`,
        `disk = [ ${[...g.disks, ...extraDisks].map((d) => q(`format=${d.format},vdev=${d.vdev},access=${d.access},target=${d.path}`)).join(', ')} ]`,
        'on_poweroff = "destroy"',
        'on_reboot = "destroy"',
        'on_crash = "destroy"',
    ];
    return lines.join('\n') + '\n';
}

/**
 * `xen-domu`: a Xen guest domain started on Dom0 with `xl create` (an existing domain
 * config on the board, or one written from validated values with fixed content), reached
 * by SSH at its configured address — through Dom0 as ProxyJump when the board is remote —
 * and removed with `xl destroy` on teardown (checked with `xl list`). Boot is followed by
 * `xl list` (the domain must stay alive) and SSH probes, never a fixed sleep; a domain
 * that does not answer within `bootTimeoutSeconds` is destroyed with a clear error. Its
 * I/O paths are the paper's: a PV disk (xvdb, an image made on Dom0 when absent) that the
 * guest formats and mounts, and its PV NIC, whose back end is `vif<domid>.0` on a Dom0 bridge.
 */
/** Writes stdin to $2 after creating the folder $1 (fixed script, values as arguments). */
const WRITE_SCRIPT = 'umask 022; mkdir -p "$1" && cat > "$2"';
/** The guest's PV drivers as the guest sees them. */
const PV_SCRIPT = 'echo @@drivers; ls /sys/bus/xen/drivers 2>/dev/null; echo @@lsmod; lsmod 2>/dev/null; echo @@end';
class XenDomuEnvironment {
    id;
    options;
    kind = 'xen-domu';
    bootMode = 'xen';
    config;
    board;
    ctx;
    guest;
    created = false;
    logDir = '';
    /** The scratch image when the engine made it (removed on teardown), and its path. */
    ownedDisk;
    /** The domain's NIC back end on Dom0 and Dom0's address on its bridge. */
    link = {};
    constructor(id, config, options = {}) {
        this.id = id;
        this.options = options;
        this.config = XenDomuEnvironmentConfig.parse(config);
    }
    async dom0(argv, timeoutMs = 60_000, stdin) {
        const board = this.board;
        const r = await board.exec(argv, {
            timeoutMs,
            signal: this.ctx?.signal,
            ...(stdin !== undefined ? { stdin } : {}),
        });
        return { ok: r.exitCode === 0, output: r.output, exitCode: r.exitCode };
    }
    /** Is the domain listed by `xl list NAME`? */
    async domainExists() {
        const r = await this.dom0(['xl', 'list', this.config.name], 30_000).catch(() => undefined);
        if (!r?.ok)
            return false;
        try {
            return parseXlList(r.output).some((d) => d.name === this.config.name);
        }
        catch {
            return true;
        }
    }
    async prepare(ctx) {
        const c = this.config;
        this.board = ctx.board;
        this.ctx = ctx;
        this.logDir = resolve(ctx.logDir);
        mkdirSync(this.logDir, { recursive: true });
        const probe = await probeDom0(ctx.board, ctx.signal);
        const refusal = dom0Refusal(probe.facts);
        if (refusal)
            throw new Error(`xen-domu ${this.id}: cannot start a domain from ${ctx.board.description}: ${refusal}`);
        if (await this.domainExists()) {
            throw new Error(`xen-domu ${this.id}: a domain named '${c.name}' already runs on Dom0 (left by an earlier run?): destroy it with \`xl destroy ${c.name}\` or choose another name`);
        }
        const workDir = c.workDir ?? `/var/tmp/arm-virt-bench/${this.id}`;
        const extraDisks = [];
        if (c.dataDisk !== false) {
            const owned = c.dataDisk.path === undefined;
            const path = c.dataDisk.path ?? `${workDir}/scratch.img`;
            const how = await prepareBoardDisk(ctx.board, { path, format: c.dataDisk.format, sizeMiB: c.dataDisk.sizeMiB, fresh: owned }, ctx.signal);
            if (owned)
                this.ownedDisk = path;
            extraDisks.push({ path, vdev: c.dataDisk.vdev, format: c.dataDisk.format, access: 'rw' });
            ctx.log(`scratch disk ${path} as ${c.dataDisk.vdev} (${how === 'created' ? `${c.dataDisk.sizeMiB} MiB, made` : 'as it is'})`);
        }
        let configFile = c.configFile;
        if (c.generate) {
            configFile = `${workDir}/${c.name}.cfg`;
            const text = xlDomainConfig(c.name, c.generate, extraDisks, this.options.resources ?? DEFAULT_RESOURCES);
            writeFileSync(join(this.logDir, `${c.name}.cfg`), text);
            const w = await this.dom0(['sh', '-c', WRITE_SCRIPT, 'avb-write', workDir, configFile], 30_000, text);
            if (!w.ok)
                throw new Error(`xen-domu ${this.id}: could not write ${configFile} on Dom0: ${w.output.trim()}`);
        }
        const jump = boardSshEndpoint(ctx.board, this.options.boardSsh);
        let knownHosts = c.ssh.knownHosts;
        if (c.ssh.hostKey !== undefined) {
            knownHosts = join(this.logDir, 'guest_known_hosts');
            writeKnownHosts(knownHosts, c.address, c.ssh.port, c.ssh.hostKey);
        }
        this.guest = (this.options.guestTransport ?? sshGuestTransport)({
            target: {
                host: c.address,
                port: c.ssh.port,
                user: c.ssh.user,
                knownHosts: knownHosts,
                identityFile: c.ssh.identityFile,
                connectTimeoutSeconds: 10,
            },
            ...(jump ? { jump } : {}),
        });
        ctx.log(`xl create ${configFile} on ${ctx.board.description}`);
        const created = await this.dom0(['xl', 'create', configFile], 180_000);
        writeFileSync(join(this.logDir, 'xl-create.log'), created.output);
        if (!created.ok) {
            this.created = await this.domainExists();
            throw new Error(`xen-domu ${this.id}: \`xl create ${configFile}\` failed (exit ${created.exitCode}): ${created.output.trim().split('\n').slice(-4).join(' | ')} (see /var/log/xen/xl-${c.name}.log on Dom0; output kept in ${join(this.logDir, 'xl-create.log')})`);
        }
        this.created = true;
        await this.waitForSsh(ctx);
        await this.findLink(ctx);
        if (c.dataDisk !== false) {
            const done = await mountGuestDisk(this.guest, `/dev/${c.dataDisk.vdev}`, GUEST_SCRATCH_MOUNT, ctx.signal);
            ctx.log(`scratch disk: ${done} at ${GUEST_SCRATCH_MOUNT} in the domain`);
        }
    }
    /** The domain's first NIC back end on Dom0 (`vif<domid>.0`) and Dom0's address on its bridge. */
    async findLink(ctx) {
        const r = await this.dom0(['xl', 'domid', this.config.name], 30_000).catch(() => undefined);
        const domid = r?.ok ? r.output.trim().split('\n').pop()?.trim() : undefined;
        if (!domid || !/^\d+$/.test(domid))
            return;
        const vif = `vif${domid}.0`;
        const exists = await this.dom0(['test', '-e', `/sys/class/net/${vif}`], 30_000).catch(() => undefined);
        if (!exists?.ok)
            return;
        const link = await boardAddressOn(this.board, vif, ctx.signal);
        this.link = { vif, ...(link ? { address: link.address } : {}) };
        ctx.log(`PV NIC back end ${vif}${link ? ` on Dom0's ${link.address}/${link.prefix}` : ''}`);
    }
    io() {
        const c = this.config;
        return {
            scratch: {
                ...(c.dataDisk !== false ? { dir: GUEST_SCRATCH_MOUNT } : c.scratchDir ? { dir: c.scratchDir } : {}),
                allowRam: c.allowRamScratch,
                remedy: c.dataDisk === false
                    ? 'give the xen-domu environment a dataDisk (its default: a PV disk, formatted and mounted in the domain)'
                    : `the domain mounts its data disk at ${GUEST_SCRATCH_MOUNT}: check that it did (environment log)`,
            },
            net: {
                ...(this.link.address ? { boardAddress: this.link.address, boardListen: this.link.address } : {}),
                ...(this.link.vif ? { boardIface: this.link.vif } : {}),
            },
        };
    }
    async waitForSsh(ctx) {
        const c = this.config;
        const guest = this.guest;
        const start = Date.now();
        const deadline = start + c.bootTimeoutSeconds * 1000;
        const fail = async (why) => {
            const consoleLog = await this.saveConsole();
            await this.destroy();
            throw new Error(`xen-domu ${this.id}: ${why}; the domain was destroyed${consoleLog ? `; console log: ${consoleLog}` : ' (no guest console log on Dom0: start xenconsoled with --log=guest to keep one)'}`);
        };
        for (;;) {
            if (ctx.signal?.aborted)
                return fail('boot cancelled');
            if (!(await this.domainExists()))
                return fail(`domain '${c.name}' is gone from \`xl list\` during boot (crashed or shut down)`);
            const left = deadline - Date.now();
            if (left > 0) {
                const probe = await guest
                    .exec(['true'], { timeoutMs: Math.min(20_000, Math.max(left, 1000)), signal: ctx.signal })
                    .catch(() => undefined);
                if (probe?.exitCode === 0) {
                    ctx.log(`SSH answers on ${guest.description} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
                    return;
                }
            }
            if (Date.now() >= deadline) {
                return fail(`the domain did not answer SSH (${guest.description}) within its boot timeout of ${c.bootTimeoutSeconds} s`);
            }
            await abortableSleep(Math.min(this.options.pollMs ?? 2000, Math.max(0, deadline - Date.now())), ctx.signal);
        }
    }
    /** Copies xenconsoled's guest log (when it keeps one) into the env's log folder. */
    async saveConsole() {
        const r = await this.dom0(['cat', `/var/log/xen/console/guest-${this.config.name}.log`], 30_000).catch(() => undefined);
        if (!r?.ok)
            return undefined;
        const path = join(this.logDir, 'console.log');
        writeFileSync(path, r.output);
        return path;
    }
    /** `xl destroy NAME`, then checks `xl list`; never throws. */
    async destroy() {
        if (!this.board || !this.created)
            return;
        const name = this.config.name;
        try {
            if (await this.domainExists()) {
                const r = await this.dom0(['xl', 'destroy', name], 60_000);
                if (!r.ok)
                    this.ctx?.log(`xl destroy ${name} failed: ${r.output.trim()}`);
            }
            if (await this.domainExists())
                this.ctx?.log(`WARNING: domain ${name} is still listed by xl list`);
            else {
                this.ctx?.log(`domain ${name} destroyed`);
                this.created = false;
            }
        }
        catch (e) {
            this.ctx?.log(`destroy: ${e.message}`);
        }
    }
    async fingerprint() {
        const guest = this.transport();
        const base = await collectFingerprint(guest, { signal: this.ctx?.signal });
        const pv = await guest.exec(['sh', '-c', PV_SCRIPT], { timeoutMs: 30_000, signal: this.ctx?.signal });
        const section = (name) => {
            const m = new RegExp(`@@${name}\\n([\\s\\S]*?)(?=@@)`).exec(pv.output);
            return m?.[1] ?? '';
        };
        const drivers = pvDrivers(section('drivers'), section('lsmod'));
        const list = await this.dom0(['xl', 'list', this.config.name], 30_000).catch(() => undefined);
        let domain = {};
        try {
            const d = list?.ok ? parseXlList(list.output).find((x) => x.name === this.config.name) : undefined;
            if (d)
                domain = { domainId: d.id, domainMemMiB: d.memMiB, domainVcpus: d.vcpus };
        }
        catch {
            // kept without the Dom0 view of the domain
        }
        // The guest's own CPU list numbers its vCPUs, not the board's CPUs: not kept.
        const { cpuList: _vcpus, ...inside } = base;
        return {
            ...inside,
            hypervisor: base.hypervisor ?? 'xen',
            xenPvDrivers: drivers,
            ...domain,
        };
    }
    transport() {
        if (!this.guest || !this.created)
            throw new Error(`environment ${this.id}: transport() before prepare()`);
        return this.guest;
    }
    async teardown() {
        try {
            await this.guest?.close();
        }
        catch {
            // best effort
        }
        if (this.created)
            await this.saveConsole().catch(() => undefined);
        await this.destroy();
        this.guest = undefined;
        if (this.ownedDisk && this.board && !this.created) {
            await removeBoardDisk(this.board, this.ownedDisk);
            this.ownedDisk = undefined;
        }
    }
}

const resourcesOf = (deps) => deps.resources ? { resources: deps.resources } : {};
const environmentRegistry = {
    host: {
        kind: 'host',
        bootMode: 'linux',
        schema: HostEnvironmentConfig,
        create: (id, config, deps) => new HostEnvironment(id, config, resourcesOf(deps)),
    },
    docker: {
        kind: 'docker',
        bootMode: 'linux',
        schema: DockerEnvironmentConfig,
        create: (id, config, deps) => new DockerEnvironment(id, config, resourcesOf(deps)),
    },
    kvm: {
        kind: 'kvm',
        bootMode: 'linux',
        schema: KvmEnvironmentConfig,
        create: (id, config, deps) => new KvmEnvironment(id, config, {
            ...(deps.boardSsh ? { boardSsh: deps.boardSsh } : {}),
            ...resourcesOf(deps),
        }),
    },
    'xen-dom0': {
        kind: 'xen-dom0',
        bootMode: 'xen',
        schema: XenDom0EnvironmentConfig,
        create: (id, config, deps) => new XenDom0Environment(id, config, resourcesOf(deps)),
    },
    'xen-domu': {
        kind: 'xen-domu',
        bootMode: 'xen',
        schema: XenDomuEnvironmentConfig,
        create: (id, config, deps) => new XenDomuEnvironment(id, config, {
            ...(deps.boardSsh ? { boardSsh: deps.boardSsh } : {}),
            ...resourcesOf(deps),
        }),
    },
};
function factoryFor(kind) {
    const f = environmentRegistry[kind];
    if (!f)
        throw new Error(`environment kind '${kind}' is not available in this build`);
    return f;
}

/**
 * The `deploy` section: the code under test, built by the workflow, put on the board before
 * it is measured. Files come from the controller's workspace (the build output) and go to an
 * **under-test slot** beside the board's known-good files; the board's default boot stays the
 * known-good, and a boot of the under-test slot is a trial boot that falls back by itself.
 * Every key is documented in docs/configuration.md (deploy keys) and docs/boards.md (slots).
 */
/**
 * A file in the controller's workspace: relative to `deploy.workspace` (default: the current
 * directory, i.e. the workflow's workspace) or absolute. Checked to exist when the run deploys.
 */
const WorkspacePath = string()
    .min(1)
    .refine((s) => ![...s].some((ch) => ch.charCodeAt(0) < 0x20), { message: 'no control characters' });
/** An absolute path on the board, without characters a boot loader or xl config would choke on. */
const BoardDir = string()
    .regex(/^\/[A-Za-z0-9_./+-]*$/, 'an absolute path on the board (letters, digits, _ . / + - only)')
    .refine((p) => !p.split('/').some((s) => s === '..'), { message: 'no ".." segments' })
    .refine((p) => p.replace(/\/+$/, '') !== '', { message: 'not the root folder' });
/** A file or folder name inside the slot. */
const SlotName = string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.+-]{0,63}$/, 'a plain file name (no "/")');
/**
 * Extra kernel or Xen command-line arguments. They reach the boot loader through one of its
 * variables, so only the characters command lines use: no quotes, `$`, `;`, `\` or newlines.
 */
const BootArgs = string()
    .max(1024)
    .regex(/^[A-Za-z0-9 _.,:=/+@%~-]*$/, 'letters, digits, spaces and _ . , : = / + @ % ~ - only');
const UbootVar = string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'not a U-Boot variable name');
/** A file name as the known-good boot reads it (relative to the boot partition). */
const BootFileName = string()
    .regex(/^[A-Za-z0-9_][A-Za-z0-9_./+-]{0,127}$/, 'a file name on the boot partition');
const MenuEntry = string()
    .min(1)
    .max(200)
    .refine((s) => !s.startsWith('-') && ![...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f), { message: 'one line, no control characters, not starting with "-"' });
/** What a Linux boot of the under-test slot gets. */
const LinuxBootDeploy = object({
    /** The kernel image the boot loader starts (arm64 `Image`, armhf `zImage`). */
    kernel: WorkspacePath.optional(),
    /** Device tree blob. */
    dtb: WorkspacePath.optional(),
    initrd: WorkspacePath.optional(),
    /** Appended to the known-good kernel command line. */
    kernelArgs: BootArgs.optional(),
})
    .strict();
/** What a Xen boot of the under-test slot gets: Xen itself and Dom0's kernel. */
const XenBootDeploy = LinuxBootDeploy.extend({
    /** The Xen binary. */
    xen: WorkspacePath.optional(),
    /** Appended to the known-good Xen command line (e.g. `dom0_max_vcpus=2`). */
    xenArgs: BootArgs.optional(),
}).strict();
/**
 * Per environment (by id): the guest or container under test. Which keys apply depends on the
 * environment's kind (checked against the environments list): kvm — kernel, initrd, append,
 * disk, diskFormat, qemuArgs; xen-domu — kernel, initrd (the ramdisk), append, domainConfig;
 * docker — image (an archive from `docker save`) or context (a build folder).
 */
const EnvironmentDeploy = object({
    kernel: WorkspacePath.optional(),
    initrd: WorkspacePath.optional(),
    /** The guest kernel's command line (kvm: `boot.append`; xen-domu: `generate.cmdline`). */
    append: string()
        .max(1024)
        .regex(/^[^"\n\r\0\\]*$/, 'no quotes, backslashes or newlines')
        .optional(),
    /** kvm: a bootable disk image. */
    disk: WorkspacePath.optional(),
    diskFormat: _enum(['raw', 'qcow2']).optional(),
    /** kvm: extra QEMU arguments (argv items, appended to the command line). */
    qemuArgs: array(string().min(1)).optional(),
    /** xen-domu: an xl domain config file (its `name` must match the environment's). */
    domainConfig: WorkspacePath.optional(),
    /** docker: an image archive (`docker save` output, optionally gzip'd), loaded with `docker load`. */
    image: WorkspacePath.optional(),
    /** docker: a build context folder (with its Dockerfile), built on the board with `docker build`. */
    context: WorkspacePath.optional(),
})
    .strict()
    .refine((e) => !(e.image && e.context), { message: 'give image or context, not both' })
    .refine((e) => !(e.disk && (e.kernel || e.initrd)), {
    message: 'give a disk or a kernel (+ initrd), not both',
});
const DeployCommand = object({
    argv: Argv,
    /**
     * `after-copy`: in the known-good boot, once every file is on the board and verified (e.g.
     * `depmod`); `after-boot`: in each verified under-test boot (of `mode`, or of both).
     */
    when: _enum(['after-copy', 'after-boot']).default('after-copy'),
    mode: BootMode.optional(),
    timeoutSeconds: number().positive().max(86_400).default(300),
})
    .strict();
/** How the boot loader is pointed at the under-test slot for one trial boot (U-Boot). */
const UbootSlot = object({
    /** The boot script's variable for each file and argument (defaults: lab/boot.cmd's). */
    variables: object({
        kernel: UbootVar.default('linux_image'),
        initrd: UbootVar.default('initrd_image'),
        dtb: UbootVar.default('fdt_image'),
        xen: UbootVar.default('xen_image'),
        kernelArgs: UbootVar.default('linux_args'),
        xenArgs: UbootVar.default('xen_args'),
        /** Set to the deployment id; the boot script appends `avb.slot=<value>` to the kernel command line. */
        marker: UbootVar.default('avb_slot'),
    })
        .strict()
        .prefault({}),
    /**
     * The known-good value of each file variable: written back after the trial boot and by the
     * fallback (`altbootcmd`). A role without a value here is unset instead (the boot script
     * then uses its own default or, for dtb, the firmware's device tree).
     */
    knownGood: object({
        kernel: BootFileName.default('Image'),
        initrd: BootFileName.default('initrd.img'),
        dtb: BootFileName.optional(),
        xen: BootFileName.default('xen'),
    })
        .strict()
        .prefault({}),
})
    .strict();
const DeploySlot = object({
    /** Where the boot partition is mounted on the board (Linux path). */
    bootDir: BoardDir.default('/boot/firmware'),
    /** The under-test folder inside bootDir; the boot loader reads `<name>/<file>` from its partition. */
    name: SlotName.default('avb-under-test'),
    /** Folder on the board for everything else under test (guests, images, files) and the manifest. */
    dir: BoardDir.default('/var/lib/arm-virt-bench/under-test'),
    uboot: UbootSlot.prefault({}),
    /** grub-reboot boards: the menu entry that boots the under-test slot, per mode. */
    grubEntries: object({ linux: MenuEntry.optional(), xen: MenuEntry.optional() }).strict().optional(),
    /** grub-reboot boards: how the slot's id and arguments reach the entries (grubenv variables). */
    grubEnvCommand: Argv.default(['grub-editenv', '-', 'set']),
    /** command boards: your argv per mode that makes the next boot (only) the under-test slot. */
    commands: object({ linux: Argv.optional(), xen: Argv.optional() }).strict().optional(),
})
    .strict();
const DeployConfig = object({
    /** The commit the files were built from (default: the run's commit, e.g. the PR's head). */
    commit: string()
        .regex(/^[0-9a-fA-F]{7,64}$/, 'a commit id (hex)')
        .optional(),
    /** A name for the change in reports, e.g. `PR #42` or `main` (default: none). */
    label: string()
        .max(100)
        .regex(/^[^\n\r`<>]*$/, 'one line, no backticks or angle brackets')
        .optional(),
    /** Folder the workspace paths are relative to (default: the current directory). */
    workspace: string().min(1).optional(),
    slot: DeploySlot.prefault({}),
    /** The Linux boot (host, docker, kvm) from the under-test slot. */
    linux: LinuxBootDeploy.optional(),
    /** The Xen boot (xen-dom0, xen-domu) from the under-test slot. */
    xen: XenBootDeploy.optional(),
    /**
     * A modules archive (tar, optionally compressed) holding `lib/modules/<release>/…` or
     * `<release>/…`: unpacked to /lib/modules/<release> on the board. Refused when <release> is
     * the known-good kernel's own release.
     */
    modules: WorkspacePath.optional(),
    environments: record(string(), EnvironmentDeploy).default({}),
    /** Other files your commands need: copied to `<slot.dir>/files/<name>`. */
    files: array(object({ from: WorkspacePath, name: SlotName }).strict()).default([]),
    /** Commands on the board (argv, never a shell string); cwd is the slot folder, $AVB_SLOT names it. */
    commands: array(DeployCommand).default([]),
    /** One file's copy (and checksum) over the board connection. */
    copyTimeoutSeconds: number().positive().max(86_400).default(900),
})
    .strict()
    .superRefine((d, ctx) => {
    const names = new Set();
    d.files.forEach((f, i) => {
        if (names.has(f.name))
            ctx.addIssue({
                code: 'custom',
                path: ['files', i, 'name'],
                message: `duplicate file name '${f.name}'`,
            });
        names.add(f.name);
    });
    const bootDir = d.slot.bootDir.replace(/\/+$/, '');
    if (d.slot.dir.replace(/\/+$/, '') === bootDir) {
        ctx.addIssue({
            code: 'custom',
            path: ['slot', 'dir'],
            message: 'the slot folder must not be the boot partition itself (it is emptied at each deploy)',
        });
    }
});
/** Does the deployment change what boots in `mode` (so that mode needs a trial boot)? */
function touchesBoot(d, mode) {
    const b = mode === 'linux' ? d.linux : d.xen;
    if (!b)
        return false;
    return Object.values(b).some((v) => v !== undefined && v !== '');
}
/** Which per-environment deploy keys each kind takes. */
const ENVIRONMENT_DEPLOY_KEYS = {
    kvm: ['kernel', 'initrd', 'append', 'disk', 'diskFormat', 'qemuArgs'],
    'xen-domu': ['kernel', 'initrd', 'append', 'domainConfig'],
    docker: ['image', 'context'],
    host: [],
    'xen-dom0': [],
};
/**
 * Checks of the deploy section against the rest of the config: environments exist and take
 * the keys given; a boot from the under-test slot needs a board connection over SSH and a
 * boot-switch strategy that can make it a trial boot.
 */
function deployIssues(c) {
    const d = c.deploy;
    if (!d)
        return [];
    const out = [];
    const kinds = new Map(c.environments.map((e) => [e.id, e.kind]));
    for (const [id, e] of Object.entries(d.environments)) {
        const kind = kinds.get(id);
        if (kind === undefined) {
            out.push({
                path: ['deploy', 'environments', id],
                message: `no environment with id '${id}' (configured: ${[...kinds.keys()].join(', ')})`,
            });
            continue;
        }
        const allowed = ENVIRONMENT_DEPLOY_KEYS[kind] ?? [];
        for (const key of Object.keys(e)) {
            if (!allowed.includes(key)) {
                out.push({
                    path: ['deploy', 'environments', id, key],
                    message: `a ${kind} environment takes ${allowed.length ? allowed.join(', ') : 'nothing here (its files come from the boot: deploy.linux / deploy.xen)'}`,
                });
            }
        }
    }
    const modes = ['linux', 'xen'].filter((m) => touchesBoot(d, m));
    if (modes.length === 0)
        return out;
    const where = ['deploy', modes[0]];
    if (c.board.connection.type !== 'ssh') {
        out.push({
            path: where,
            message: 'booting an under-test kernel or Xen needs board.connection type ssh: the controller must survive the reboot',
        });
    }
    const sw = c.board.switch;
    if (!sw) {
        out.push({
            path: where,
            message: 'booting an under-test kernel or Xen needs board.switch (how the next boot is chosen)',
        });
        return out;
    }
    if (sw.type === 'uboot-env' && !sw.oneShot) {
        out.push({
            path: ['board', 'switch', 'oneShot'],
            message: "an under-test boot must be a trial boot: set board.switch.oneShot (U-Boot's bootcount/altbootcmd convention, which the boot script implements)",
        });
    }
    if (sw.type === 'extlinux') {
        out.push({
            path: ['board', 'switch', 'type'],
            message: 'extlinux has no one-shot boot, so an under-test kernel that does not boot would stay the default: use uboot-env (U-Boot bootcount, see docs/boards.md) or grub-reboot',
        });
    }
    for (const m of modes) {
        if (sw.type === 'grub-reboot' && !d.slot.grubEntries?.[m]) {
            out.push({
                path: ['deploy', 'slot', 'grubEntries', m],
                message: `the GRUB entry that boots the under-test slot in ${m} mode is needed (grub-reboot boards)`,
            });
        }
        if (sw.type === 'command' && !d.slot.commands?.[m]) {
            out.push({
                path: ['deploy', 'slot', 'commands', m],
                message: `your command that makes the next boot the under-test ${m} boot is needed (command boards)`,
            });
        }
    }
    return out;
}

/**
 * Per-suite settings: what each suite measures (its parameters) and how the engine runs
 * it (enabled, runs, per-cell timeout). Presets give complete settings; a config file
 * overrides any key per suite. Every key here is documented in docs/configuration.md
 * (a unit test walks these schemas and fails on an undocumented key).
 */
const PositiveInt = number().int().positive();
/** A positive integer up to `max`, with the reason in the error. */
const upTo = (max, why) => PositiveInt.max(max, `at most ${max.toLocaleString('en-US')}: ${why}`);
/** A non-empty list of distinct values, at most MAX_LIST of them. */
const list = (item) => array(item)
    .min(1, 'needs at least one value')
    .max(MAX_LIST, `at most ${MAX_LIST} values (each one is a cell in every environment and round)`)
    .refine((a) => new Set(a.map((v) => JSON.stringify(v))).size === a.length, 'values must be distinct');
/** Keys every suite has: whether it runs, how often, and how long one cell may take. */
const common = {
    enabled: boolean(),
    /** Runs per cell (rounds); falls back to the preset's `runs`. */
    runs: Runs.optional(),
    /** Hard limit for one cell: on expiry its process tree is killed and a failure recorded. */
    timeoutSeconds: timeoutSeconds(),
};
const HackbenchSettings = object({
    ...common,
    modes: list(_enum(['process', 'thread'])),
    ipc: list(_enum(['socket', 'pipe'])),
    groups: list(upTo(1024, "each group is 2 × fds tasks; more exhausts a board's process limit")),
    /** hackbench -f: file descriptors per sender/receiver side; a group is 2×fds tasks. */
    fds: upTo(1024, 'hackbench opens 2 × fds sockets or pipes per group (the open-files limit)'),
    /** hackbench -l: messages each sender passes. */
    loops: upTo(100_000_000, 'one cell would run for days'),
    /** hackbench -s: bytes per message. */
    datasize: upTo(1_048_576, 'hackbench messages are small (the paper: 100 bytes); 1 MiB at most'),
})
    .strict();
/** UnixBench's non-graphics tests (graphics tests are never run). */
const UNIXBENCH_TESTS = [
    'dhry2reg',
    'whetstone-double',
    'execl',
    'fstime',
    'fsbuffer',
    'fsdisk',
    'fstime-w',
    'fsbuffer-w',
    'fsdisk-w',
    'fstime-r',
    'fsbuffer-r',
    'fsdisk-r',
    'pipe',
    'context1',
    'spawn',
    'shell1',
    'shell8',
    'shell16',
    'syscall',
];
const UnixbenchSettings = object({
    ...common,
    /**
     * A built byte-UnixBench tree on the board (the folder holding `Run`), at the same path
     * in the Docker image and the guests. Default: where the engine installs it
     * (src/suites/unixbench/source.ts, `defaultTreePath`).
     */
    path: string().min(1).startsWith('/', 'must be an absolute path').optional(),
    /** A source checkout on the target, built with `make` when `path` holds no built tree. */
    sourcePath: string().min(1).optional(),
    /**
     * byte-UnixBench's source on the controller (a tarball or a directory) that the engine
     * copies to the board and builds at `path` when no built tree is there.
     */
    source: string().min(1).optional(),
    /**
     * Git URL the controller clones `commit` from when no `source` is given and no built
     * tree is on the board. Default: $AVB_UNIXBENCH_GIT, else byte-UnixBench under
     * $GITHUB_SERVER_URL (set in every GitHub Actions job).
     */
    gitUrl: string().min(1).optional(),
    /** The byte-UnixBench commit a git clone checks out (default: the pinned one). */
    commit: string()
        .regex(/^[0-9a-f]{40}$/, 'a full 40-character commit id')
        .optional(),
    tests: list(_enum(UNIXBENCH_TESTS)),
    /** Run -c: parallel copies; one result block per value. */
    copies: list(upTo(1024, "parallel copies beyond any board's CPU count")),
    /** Run -i: UnixBench's own iterations per test. */
    iterations: upTo(100, 'each iteration of a test takes 10–60 s'),
})
    .strict();
/** IOzone test groups (iozone -i N) by name. */
const IOZONE_TESTS = {
    'write-rewrite': 0,
    'read-reread': 1,
    'random-read-write': 2,
    'backwards-read': 3,
    'record-rewrite': 4,
    'stride-read': 5,
    'fwrite-frewrite': 6,
    'fread-freread': 7,
};
const IozoneTest = _enum(Object.keys(IOZONE_TESTS));
const IozoneSettings = object({
    ...common,
    /** One cell per file size (iozone -s), each sweeping record sizes (-a -y -q). */
    fileSizesKb: list(upTo(67_108_864, '64 GiB, beyond the scratch space of any board')),
    /** Smallest record size (-y); the largest is the file size, capped by `maxRecordKb`. */
    minRecordKb: upTo(16_384, "IOzone's largest record is 16 MiB"),
    maxRecordKb: upTo(16_384, "IOzone's largest record is 16 MiB").optional(),
    tests: list(IozoneTest),
    /**
     * iozone -e: include fsync/fflush in the timings, so that every write reaches the
     * environment's disk. Off in the presets: the paper left the caches on.
     */
    flush: boolean().default(false),
    /**
     * Before per-environment scratch settings: the folder for every environment. Now the
     * default for the environments whose scratch is a folder (host, xen-dom0, docker)
     * when they name none of their own; kvm and xen-domu use their data disk.
     */
    scratchDir: string().min(1).startsWith('/', 'must be an absolute path').optional(),
})
    .strict();
const NETPERF_TESTS = ['TCP_STREAM', 'TCP_RR', 'UDP_RR'];
/** An IPv4/IPv6 address or a host name (passed as one argv item, never through a shell). */
const HostAddress = string().regex(/^[A-Za-z0-9][A-Za-z0-9.:-]*$/, 'an IP address or host name');
/**
 * Where netserver runs; netperf always runs inside the measured environment.
 * - `auto` (the presets): `controller` when the board is reached over SSH, `board` when
 *   the run is local (then controller and board are one machine).
 * - `controller`: on the machine running the CLI or the action, started and stopped by
 *   the engine: the paper's "netperf server in the local network". `address` is the
 *   controller as the board's environments reach it (default: the client address of the
 *   board's SSH session), `listen` the controller's address netserver binds to (default:
 *   the controller's own address towards the board).
 * - `board`: on the board's own network stack, started and stopped by the engine; each
 *   environment reaches it over its own link (the docker bridge's gateway, the KVM
 *   guest's bridge, the DomU's Xen bridge; 127.0.0.1 for host and Dom0) unless `address`
 *   names one address for all; netserver binds to exactly those addresses unless `listen`.
 * - `external`: a host named by `address`; with `ssh` the engine starts and stops
 *   netserver there, without it netserver must already be running.
 * - `self`: in the environment itself on 127.0.0.1 (only when asked for: nothing crosses
 *   a virtual NIC).
 * The spellings of before (`{type: board, host, listen}`, `{type: external, host}`) are
 * still read: `type` is `kind`, `host` is `address`.
 */
const NetperfPeer = union([
    _enum(['auto', 'controller', 'board', 'self']),
    discriminatedUnion('kind', [
        object({
            kind: literal('controller'),
            address: HostAddress.optional(),
            listen: HostAddress.optional(),
        })
            .strict(),
        object({ kind: literal('board'), address: HostAddress.optional(), listen: HostAddress.optional() })
            .strict(),
        object({
            kind: literal('external'),
            address: HostAddress,
            /** Start netserver there over SSH (host key checked); without it, it must be running. */
            ssh: SshTarget.optional(),
            listen: HostAddress.optional(),
        })
            .strict(),
        object({ kind: literal('self') }).strict(),
    ]),
    discriminatedUnion('type', [
        object({ type: literal('board'), host: HostAddress, listen: HostAddress.optional() }).strict(),
        object({ type: literal('external'), host: HostAddress }).strict(),
    ]),
]);
/** `auto` and the spellings of before → one PeerSpec; `auto` depends on how the board is reached. */
function peerSpec(peer, boardConnection) {
    if (typeof peer === 'string') {
        if (peer === 'auto')
            return { kind: boardConnection === 'ssh' ? 'controller' : 'board' };
        return { kind: peer };
    }
    if ('type' in peer) {
        if (peer.type === 'board')
            return { kind: 'board', address: peer.host, ...(peer.listen ? { listen: peer.listen } : {}) };
        return { kind: 'external', address: peer.host };
    }
    return peer;
}
const NetperfSettings = object({
    ...common,
    peer: NetperfPeer,
    /** netserver's control port (netperf -p, netserver -p). */
    port: number().int().min(1).max(65535),
    /**
     * netserver's data port (netperf -- -P ,PORT): fixed, so that NAT and firewalls can
     * pass it next to the control port.
     */
    dataPort: number().int().min(1).max(65535),
    tests: list(_enum(NETPERF_TESTS)),
    /** netperf -l: seconds per test. */
    lengthSeconds: upTo(3600, 'an hour per test'),
    /** TCP_STREAM: one cell per send size (-- -m). */
    messageBytes: list(upTo(16_777_216, "16 MiB, beyond netperf's socket buffers")),
    /** TCP_RR / UDP_RR request and response sizes (-- -r REQ,RESP). */
    requestBytes: upTo(65_507, 'the largest UDP payload (UDP_RR) is 65,507 bytes'),
    responseBytes: upTo(65_507, 'the largest UDP payload (UDP_RR) is 65,507 bytes'),
})
    .strict();
const SuiteSettings = object({
    hackbench: HackbenchSettings,
    unixbench: UnixbenchSettings,
    iozone: IozoneSettings,
    netperf: NetperfSettings,
})
    .strict()
    .superRefine((s, ctx) => {
    if (s.netperf.port === s.netperf.dataPort) {
        ctx.addIssue({
            code: 'custom',
            path: ['netperf', 'dataPort'],
            message: `must differ from port (${s.netperf.port}: netserver's control connections)`,
        });
    }
});
/** What a config file may say about suites: any key of any suite, the rest from the preset. */
const SuiteOverrides = object({
    hackbench: HackbenchSettings.partial().strict().optional(),
    unixbench: UnixbenchSettings.partial().strict().optional(),
    iozone: IozoneSettings.partial().strict().optional(),
    netperf: NetperfSettings.partial().strict().optional(),
})
    .strict();

/**
 * Presets: complete suite settings plus runs per cell.
 * - `paper`: the protocol of Raho et al. (2015), 10 runs per cell (nightly).
 * - `quick`: a few minutes per environment, for pull requests.
 * - `test`: the smallest run that still exercises every tool (the project's own CI).
 */
const PRESET_NAMES = ['paper', 'quick', 'test'];
const PAPER_UNIXBENCH_TESTS = [
    'dhry2reg',
    'whetstone-double',
    'execl',
    'pipe',
    'context1',
    'spawn',
    'shell1',
    'shell8',
    'syscall',
];
/**
 * The UnixBench tests whose duration `Run` fixes at 10 seconds (execl and spawn take 30 s,
 * shell1/shell8 60 s): a predictable cost per run, also under emulation (they count loops
 * in a fixed time).
 */
const TEN_SECOND_UNIXBENCH_TESTS = [
    'dhry2reg',
    'whetstone-double',
    'pipe',
    'context1',
    'syscall',
];
const ALL_IOZONE_TESTS = [
    'write-rewrite',
    'read-reread',
    'random-read-write',
    'backwards-read',
    'record-rewrite',
    'stride-read',
    'fwrite-frewrite',
    'fread-freread',
];
const PRESETS = {
    paper: {
        name: 'paper',
        runs: 10,
        suites: {
            // 1000 messages × 100 bytes, 40 tasks per group (20 fds a side), 40–640 tasks.
            hackbench: {
                enabled: true,
                timeoutSeconds: 600,
                modes: ['process', 'thread'],
                ipc: ['socket', 'pipe'],
                groups: [1, 2, 4, 8, 16],
                fds: 20,
                loops: 1000,
                datasize: 100,
            },
            unixbench: {
                enabled: true,
                timeoutSeconds: 3600,
                tests: [...PAPER_UNIXBENCH_TESTS],
                copies: [1],
                iterations: 1,
            },
            // 4 KB, 1 MB, 10 MB files; records 4 KB … file size; caches left on.
            iozone: {
                enabled: true,
                timeoutSeconds: 1800,
                fileSizesKb: [4, 1024, 10240],
                minRecordKb: 4,
                tests: [...ALL_IOZONE_TESTS],
                flush: false,
            },
            netperf: {
                enabled: true,
                timeoutSeconds: 120,
                peer: 'auto',
                port: 12865,
                dataPort: 12866,
                tests: ['TCP_STREAM', 'TCP_RR', 'UDP_RR'],
                lengthSeconds: 10,
                messageBytes: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096],
                requestBytes: 1,
                responseBytes: 1,
            },
        },
    },
    quick: {
        name: 'quick',
        runs: 6,
        rounds: { maxRuns: 12, extraTime: 0.5, alphaFirstLook: 0.1, suggestiveP: 0.05, minExtraRounds: 3 },
        suites: {
            hackbench: {
                enabled: true,
                timeoutSeconds: 300,
                modes: ['process', 'thread'],
                ipc: ['socket', 'pipe'],
                groups: [1, 4],
                fds: 20,
                loops: 500,
                datasize: 100,
            },
            unixbench: {
                enabled: true,
                timeoutSeconds: 1200,
                tests: ['context1', 'syscall', 'pipe'],
                copies: [1],
                iterations: 1,
            },
            iozone: {
                enabled: true,
                timeoutSeconds: 600,
                fileSizesKb: [1024],
                minRecordKb: 4,
                maxRecordKb: 64,
                tests: ['write-rewrite', 'read-reread', 'random-read-write'],
                flush: false,
            },
            netperf: {
                enabled: true,
                timeoutSeconds: 60,
                peer: 'auto',
                port: 12865,
                dataPort: 12866,
                tests: ['TCP_STREAM', 'TCP_RR', 'UDP_RR'],
                lengthSeconds: 2,
                messageBytes: [64, 1024],
                requestBytes: 1,
                responseBytes: 1,
            },
        },
    },
    test: {
        name: 'test',
        runs: 2,
        suites: {
            hackbench: {
                enabled: true,
                timeoutSeconds: 60,
                modes: ['process'],
                ipc: ['socket'],
                groups: [1],
                fds: 20,
                loops: 100,
                datasize: 100,
            },
            unixbench: {
                enabled: false,
                timeoutSeconds: 600,
                tests: ['dhry2reg'],
                copies: [1],
                iterations: 1,
            },
            iozone: {
                enabled: true,
                timeoutSeconds: 60,
                fileSizesKb: [64],
                minRecordKb: 4,
                maxRecordKb: 4,
                tests: ['write-rewrite', 'read-reread'],
                flush: false,
            },
            netperf: {
                enabled: true,
                timeoutSeconds: 30,
                peer: 'auto',
                port: 12865,
                dataPort: 12866,
                tests: ['TCP_STREAM', 'TCP_RR'],
                lengthSeconds: 1,
                messageBytes: [1024],
                requestBytes: 1,
                responseBytes: 1,
            },
        },
    },
};
/** Preset settings with a config file's per-suite overrides applied (lists are replaced, not merged). */
function resolveSuites(preset, overrides = {}) {
    const merged = {
        hackbench: { ...preset.suites.hackbench, ...stripUndefined(overrides.hackbench) },
        unixbench: { ...preset.suites.unixbench, ...stripUndefined(overrides.unixbench) },
        iozone: { ...preset.suites.iozone, ...stripUndefined(overrides.iozone) },
        netperf: { ...preset.suites.netperf, ...stripUndefined(overrides.netperf) },
    };
    // Re-validate: an override may combine with the preset into something invalid.
    return SuiteSettings.parse(merged);
}
function stripUndefined(o) {
    if (!o)
        return {};
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
/**
 * The round policy of a run: the preset's, with the config's overrides; undefined when the
 * preset has none or the config turns it off. `runs` is the first look: maxRuns must exceed it.
 */
function roundPolicyFor(preset, overrides = {}, runs = preset.runs) {
    if (overrides.enabled === false || !preset.rounds)
        return undefined;
    const policy = {
        ...preset.rounds,
        ...(overrides.maxRuns !== undefined ? { maxRuns: overrides.maxRuns } : {}),
        ...(overrides.extraTime !== undefined ? { extraTime: overrides.extraTime } : {}),
    };
    return policy.maxRuns > runs && policy.extraTime > 0 ? policy : undefined;
}

/**
 * The config file (YAML or JSON): the board, the environments to measure, the preset
 * and per-suite overrides. Every key is documented in docs/configuration.md; a
 * unit test fails when a key of these schemas is missing there.
 */
const EnvironmentId = string()
    .regex(/^[a-z0-9][a-z0-9_.-]{0,62}$/, 'lower-case letters, digits, ".", "_" and "-" (it names log folders)');
const EnvVarName = string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'not an environment variable name');
/** Keys every environment entry has; the kind's own keys are checked by its registry schema. */
const EnvironmentCommon = object({
    kind: EnvironmentKind,
    /** Defaults to the kind; must be unique. */
    id: EnvironmentId.optional(),
    /** Extra environment variables for benchmark commands here (e.g. a PATH with the tools). */
    env: record(string(), string())
        .superRefine((vars, ctx) => {
        for (const k of Object.keys(vars)) {
            const r = EnvVarName.safeParse(k);
            if (!r.success)
                ctx.addIssue({ code: 'custom', path: [k], message: r.error.issues[0].message });
        }
    })
        .optional(),
});
const COMMON_KEYS = new Set(['kind', 'id', 'env']);
const EnvironmentEntrySchema = EnvironmentCommon.catchall(unknown()).transform((raw, ctx) => {
    const rest = Object.fromEntries(Object.entries(raw).filter(([k]) => !COMMON_KEYS.has(k)));
    const factory = environmentRegistry[raw.kind];
    if (!factory) {
        ctx.addIssue({
            code: 'custom',
            path: ['kind'],
            message: `kind '${raw.kind}' is not available in this build`,
        });
        return NEVER;
    }
    const parsed = factory.schema.safeParse(rest);
    if (!parsed.success) {
        for (const issue of parsed.error.issues)
            ctx.addIssue({ ...issue, code: 'custom', path: issue.path });
        return NEVER;
    }
    const entry = {
        kind: raw.kind,
        id: raw.id ?? raw.kind,
        env: raw.env ?? {},
        settings: parsed.data,
    };
    return entry;
});
const FingerprintKeys = array(string().min(1, 'a fingerprint key, e.g. kernel or cgroupCpuLimit'));
/** How this board's results are compared with a baseline (the action inputs and CLI flags add to it). */
const AnalysisConfig = object({
    /** Fingerprint keys compared although they differ (a setup change made on purpose). */
    expectChange: FingerprintKeys.default([]),
    /** Fingerprint keys that must not differ: a difference makes the cells incomparable. */
    expectSame: FingerprintKeys.default([]),
})
    .strict();
/** Adaptive rounds (the preset's round policy, see docs/analysis.md): on/off and its caps. */
const AdaptiveConfig = object({
    /** Extra rounds for suggestive cells when a baseline is known (default: as the preset says). */
    enabled: boolean().optional(),
    /** Rounds an extended cell may reach. */
    maxRuns: number().int().positive().max(1000, 'at most 1000 runs per cell').optional(),
    /** Time budget of the extra rounds, as a share of the time the first rounds took. */
    extraTime: number().positive().max(10, 'at most 10 × the first rounds').optional(),
})
    .strict();
const ConfigSchema = object({
    board: BoardConfig.prefault({}),
    /** Default preset; `--preset` overrides it. */
    preset: _enum(PRESET_NAMES).default('quick'),
    /** Runs per cell for every suite (a suite's own `runs` wins). */
    runs: Runs.optional(),
    environments: array(EnvironmentEntrySchema).min(1, 'name at least one environment'),
    /** The CPUs and memory every environment gets (default: the paper's 1 CPU, 1 GiB). */
    resources: ResourcesSettings.prefault({}),
    suites: SuiteOverrides.prefault({}),
    analysis: AnalysisConfig.prefault({}),
    adaptive: AdaptiveConfig.prefault({}),
    /** The code under test, put on the board before it is measured (under-test slot). */
    deploy: DeployConfig.optional(),
})
    .strict()
    .superRefine((c, ctx) => {
    const seen = new Map();
    c.environments.forEach((e, i) => {
        const first = seen.get(e.id);
        if (first !== undefined) {
            ctx.addIssue({
                code: 'custom',
                path: ['environments', i, 'id'],
                message: `duplicate environment id '${e.id}' (also environments.${first}); give each an explicit id`,
            });
        }
        else
            seen.set(e.id, i);
    });
    for (const issue of deployIssues(c))
        ctx.addIssue({ code: 'custom', ...issue });
});

/** Reading a config file: YAML or JSON (YAML is a superset), validated, errors as "FILE: path.to.key: reason". */
class ConfigError extends Error {
    file;
    problems;
    name = 'ConfigError';
    constructor(file, 
    /** One line per problem: "path.to.key: reason". */
    problems) {
        super(problems.map((p) => `${file}: ${p}`).join('\n'));
        this.file = file;
        this.problems = problems;
    }
}
/** "environments.1.kind" for an issue path; "(top level)" for the root. */
function issuePath(path) {
    return path.length === 0 ? '(top level)' : path.map((k) => String(k)).join('.');
}
/** An issue that only says "not this alternative": a type or value mismatch of the whole value, or no matching discriminator. */
function mismatch(i) {
    if (i.code === 'invalid_union')
        return i.errors.length === 0;
    return i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value');
}
/**
 * Lines for one issue. A union ("one of these shapes") is explained by the one
 * alternative the value was meant to be — the only one that failed deeper than its own
 * shape — or else by listing what each alternative expected.
 */
function issueLines(i, base = []) {
    const path = [...base, ...i.path];
    if (i.code === 'invalid_union' && i.errors.length > 0) {
        const meant = i.errors.filter((branch) => !branch.every(mismatch));
        if (meant.length === 1)
            return meant[0].flatMap((x) => issueLines(x, path));
        const alternatives = i.errors.map((branch) => branch.map((x) => `${x.path.length ? `${issuePath(x.path)}: ` : ''}${x.message}`).join(', '));
        return [`${issuePath(path)}: none of the accepted forms (${alternatives.join('; or ')})`];
    }
    return [`${issuePath(path)}: ${i.message}`];
}
function formatIssues(error) {
    return error.issues.flatMap((i) => issueLines(i));
}
/** Validates an already-parsed document; `file` names it in errors. */
function parseConfig(data, file = '<config>') {
    const r = ConfigSchema.safeParse(data);
    if (!r.success)
        throw new ConfigError(file, formatIssues(r.error));
    return r.data;
}
/** Parses YAML/JSON text; syntax errors carry the line and column. */
function parseConfigText(text, file = '<config>') {
    const lineCounter = new distExports.LineCounter();
    const doc = distExports.parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
    if (doc.errors.length > 0) {
        throw new ConfigError(file, doc.errors.map((e) => {
            const pos = lineCounter.linePos(e.pos[0]);
            return `line ${pos.line}, column ${pos.col}: ${e.message.split('\n')[0]}`;
        }));
    }
    return parseConfig(doc.toJS(), file);
}
async function loadConfigFile(file) {
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (err) {
        const code = err.code;
        throw new ConfigError(file, [
            `cannot read: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : (code ?? String(err))}`,
        ]);
    }
    return parseConfigText(text, file);
}
/** A stable digest of the effective config (recorded in results.run.configDigest). */
function configDigest(value) {
    return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}
function canonicalJson(v) {
    if (Array.isArray(v))
        return `[${v.map(canonicalJson).join(',')}]`;
    if (v && typeof v === 'object') {
        const entries = Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
    }
    return JSON.stringify(v) ?? 'null';
}

/**
 * Where byte-UnixBench comes from. It is not packaged by any distribution and this project
 * never contains its code (GPL-2.0): the default is one pinned upstream commit, obtained by
 * the user's own means — a tarball or directory (`suites.unixbench.source`, or
 * AVB_UNIXBENCH_SOURCE for scripts/setup.sh), else a git clone from a server the user's
 * environment names (AVB_UNIXBENCH_GIT, or GITHUB_SERVER_URL, which every GitHub Actions job
 * has). Pure: values in, values out.
 */
/** The pinned upstream commit (byte-UnixBench 6.0.0 line, 2025-05-22). */
const UNIXBENCH_COMMIT = '986b674a1e50eedd944bc08d6bdc8be925b2bc65';
/** Its repository path on the git server. */
const UNIXBENCH_REPOSITORY = 'kdlucas/byte-unixbench';
/** The short id used in folder names (as in `git archive --prefix=byte-unixbench-<short>/`). */
function shortCommit(commit = UNIXBENCH_COMMIT) {
    return commit.slice(0, 12);
}
/** The cache root the project uses on every machine (AVB_CACHE overrides it). */
const DEFAULT_CACHE = '/var/cache/arm-virt-bench';
/**
 * Where a built tree lives when `suites.unixbench.path` is not set: on the board (built by
 * the engine), on this machine (built by scripts/setup.sh) and in the lab board's rootfs —
 * the same path everywhere, and the same path inside the Docker image and the guests.
 */
function defaultTreePath(commit = UNIXBENCH_COMMIT, cache = DEFAULT_CACHE) {
    return `${cache}/unixbench/${shortCommit(commit)}/UnixBench`;
}
/**
 * The git URL to clone from, or undefined when the environment names no server: an
 * explicit URL wins, then AVB_UNIXBENCH_GIT, then the repository under GITHUB_SERVER_URL.
 */
function unixbenchGitUrl(explicit, env) {
    if (explicit)
        return explicit;
    if (env.AVB_UNIXBENCH_GIT)
        return env.AVB_UNIXBENCH_GIT;
    const server = env.GITHUB_SERVER_URL?.replace(/\/+$/, '');
    return server ? `${server}/${UNIXBENCH_REPOSITORY}.git` : undefined;
}
/** What to tell a user who has neither a built tree nor a source. */
function noSourceHint() {
    return (`give suites.unixbench.source (a tarball or directory of byte-UnixBench ${shortCommit()} on the controller), ` +
        `or suites.unixbench.gitUrl / AVB_UNIXBENCH_GIT (a git URL of ${UNIXBENCH_REPOSITORY}; in GitHub Actions ` +
        `GITHUB_SERVER_URL names the server), or a built tree at suites.unixbench.path`);
}
/** Debian package names of the programs a build on the board needs. */
const BUILD_PACKAGES = {
    make: 'make',
    cc: 'gcc',
    perl: 'perl',
    tar: 'tar',
};
/** "make (package make), cc (package gcc)": names the package for each missing program. */
function missingBuildTools(missing) {
    return missing.map((t) => (BUILD_PACKAGES[t] ? `${t} (package ${BUILD_PACKAGES[t]})` : t)).join(', ');
}

export { peerSpec as $, missingBuildTools as A, BLOCK_STAT_SCRIPT as B, ConfigError as C, DEFAULT_CACHE as D, routeVia as E, parseScratchProbe as F, isRamFs as G, ROUTE_PROBE_SCRIPT as H, IFACE_STAT_SCRIPT as I, SCRATCH_PROBE_SCRIPT as J, unixbenchGitUrl as K, shortCommit as L, resolveSuites as M, NEVER as N, SUITES as O, PRESET_NAMES as P, resolveResources as Q, Results as R, SuiteId as S, TEN_SECOND_UNIXBENCH_TESTS as T, UNIXBENCH_COMMIT as U, factoryFor as V, PRESETS as W, configDigest as X, roundPolicyFor as Y, RESULTS_SCHEMA_ID as Z, _enum as _, SshTransport as a, setRunLabel as a0, boardIo as a1, bootModeOf as b, collectFingerprint as c, string as d, array as e, literal as f, environmentRegistry as g, defaultTreePath as h, isConfigFailure as i, CONTAINER_LABEL as j, TAP_DOWN_SCRIPT as k, loadConfigFile as l, minimalEnv as m, number as n, object as o, parseConfig as p, RUN_LABEL_VAR as q, runProcess as r, sshHostFromConfig as s, parseProcNetDev as t, union as u, parseIfaceStat as v, parseBlockProbe as w, NETDEV_SCRIPT as x, IOZONE_TESTS as y, noSourceHint as z };
