// Package openapi learns an API from its OpenAPI document (3.0 or 3.1,
// YAML or JSON) or Swagger 2.0 document: it builds an API docs profile
// (formats.Profile) and a compact index of the API's operations, and with
// that index it ties a response to the operation that was called and
// tells which parts of the request break the operation's documented rules.
//
// Like formats it does no I/O: documents come in as bytes, and a document
// that refers to other files gets them only through the ReadRef function
// its caller passes. The document is parsed once, at import; the index
// keeps only what a diagnosis reads (paths, parameters and their schemas,
// request body schemas, security requirements, the documented responses)
// and is decoded again only when a request to the API needs it.
package openapi
