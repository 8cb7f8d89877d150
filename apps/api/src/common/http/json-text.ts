declare const jsonOf: unique symbol;

/**
 * A body written as JSON text by hand (a page of the activity log, whose stored details go in
 * unparsed), branded with the type it is the JSON of: the handler's signature still names the type
 * its OpenAPI schema is generated from, and only a deliberate cast makes a string one.
 */
export type JsonText<T> = string & { readonly [jsonOf]: T };
