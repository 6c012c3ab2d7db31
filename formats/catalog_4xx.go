package formats

// clientErrorStatuses are the registered 4xx codes.
var clientErrorStatuses = []StatusEntry{
	{Code: 400, Name: "Bad Request", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.1",
		Meaning: "The server cannot process the request because something in it is malformed or invalid: syntax, parameters or body.",
		Steps: []string{
			"Read the error message and field errors in the body: they usually name the bad parameter.",
			"Check the JSON syntax, required fields, types and formats against the API docs.",
			"Check the Content-Type header matches the body you send.",
		}},
	{Code: 401, Name: "Unauthorized", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.2",
		Meaning: "The request has no valid credentials: the token or key is missing, wrong or expired.",
		Steps: []string{
			"Check that the Authorization header (or API key) is sent, spelt right, and uses the expected scheme such as Bearer.",
			"Refresh or re-issue the token if it may have expired.",
			"Read WWW-Authenticate for the scheme and error the server expects.",
		}},
	{Code: 402, Name: "Payment Required", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.3",
		Meaning: "Reserved by HTTP; APIs use it for billing problems such as an unpaid plan or an exhausted quota.",
		Steps: []string{
			"Check your account's plan, billing and quota with the provider.",
		}},
	{Code: 403, Name: "Forbidden", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.4",
		Meaning: "The server understood who you are (or does not care) and refuses the request: the credentials lack permission for it.",
		Steps: []string{
			"Check the token's scopes, role or the account's permissions for this resource.",
			"Check IP allow-lists, WAF rules or region restrictions if credentials look right.",
			"Ask the API owner for access; sending the same request again will not help.",
		}},
	{Code: 404, Name: "Not Found", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.5",
		Meaning: "The server has nothing at this URL, or will not say whether it has. Many APIs also answer 404 for resources you may not see.",
		Steps: []string{
			"Check the path, the ids in it, the API version and the base URL.",
			"Check that the resource exists and your credentials can access it.",
		}},
	{Code: 405, Name: "Method Not Allowed", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.6",
		Meaning: "The resource exists but does not support this HTTP method.",
		Steps: []string{
			"Use one of the methods in the Allow header.",
			"Check the URL: a missing id often turns a PUT or DELETE into a collection URL.",
		}},
	{Code: 406, Name: "Not Acceptable", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.7",
		Meaning: "The server cannot produce a representation matching the request's Accept headers.",
		Steps: []string{
			"Send an Accept header the API supports, such as application/json, or drop it.",
		}},
	{Code: 407, Name: "Proxy Authentication Required", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.8",
		Meaning: "A proxy between you and the API wants credentials before it forwards the request.",
		Steps: []string{
			"Configure proxy credentials (Proxy-Authorization, or user:pass in HTTPS_PROXY).",
			"Check whether the request should go through that proxy at all (NO_PROXY).",
		}},
	{Code: 408, Name: "Request Timeout", WhoActs: ActEither, Retryable: true, Official: true, Cite: "RFC 9110, 15.5.9",
		Meaning: "The server gave up waiting for the client to finish sending the request.",
		Steps: []string{
			"Retry the request; check for a slow or stalled upload.",
			"Check the Content-Length you send matches the body.",
		}},
	{Code: 409, Name: "Conflict", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.10",
		Meaning: "The request conflicts with the resource's current state, such as a duplicate or an edit based on an old version.",
		Steps: []string{
			"Fetch the resource's current state, reconcile, and send the request again.",
			"For creates, check whether the resource already exists.",
		}},
	{Code: 410, Name: "Gone", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.11",
		Meaning: "The resource existed and was removed for good, or the endpoint was retired.",
		Steps: []string{
			"Stop calling this URL; look for its replacement in the API's changelog.",
		}},
	{Code: 411, Name: "Length Required", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.12",
		Meaning: "The server wants a Content-Length header and the request had none.",
		Steps: []string{
			"Send Content-Length (avoid chunked encoding for this endpoint), even as 0 for an empty body.",
		}},
	{Code: 412, Name: "Precondition Failed", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.13",
		Meaning: "A condition in the request headers (If-Match, If-Unmodified-Since ...) is false: the resource changed since you read it.",
		Steps: []string{
			"Fetch the resource again for its current ETag, reapply your change, and resend.",
		}},
	{Code: 413, Name: "Content Too Large", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.14",
		Meaning: "The request body is larger than the server (or a proxy in front of it) accepts.",
		Steps: []string{
			"Send a smaller body: split it, paginate it or compress it.",
			"Check the documented size limit; a proxy's limit may be lower than the API's.",
		}},
	{Code: 414, Name: "URI Too Long", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.15",
		Meaning: "The URL is longer than the server will handle, often because of a long query string.",
		Steps: []string{
			"Move large parameters into a POST body, or split the request.",
			"Check for a redirect loop that keeps appending to the URL.",
		}},
	{Code: 415, Name: "Unsupported Media Type", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.16",
		Meaning: "The server will not accept the body's media type or content encoding.",
		Steps: []string{
			"Set Content-Type to what the endpoint expects, such as application/json.",
			"Check that the body really is in that format.",
		}},
	{Code: 416, Name: "Range Not Satisfiable", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.17",
		Meaning: "The byte range asked for in the Range header lies outside the resource.",
		Steps: []string{
			"Check Content-Range in the response for the real size and ask for a range within it.",
		}},
	{Code: 417, Name: "Expectation Failed", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.18",
		Meaning: "The server cannot meet the request's Expect header, usually Expect: 100-continue.",
		Steps: []string{
			"Send the request without an Expect header.",
		}},
	{Code: 418, Name: "(Unused)", WhoActs: ActEither, Official: true, Cite: "RFC 9110, 15.5.19",
		Meaning: "Reserved because of the April Fools' \"I'm a teapot\" (RFC 2324); some servers send it as a joke or to refuse bots.",
		Steps: []string{
			"Read the body: the server is using the code for its own purpose, often to block automated clients.",
		}},
	{Code: 421, Name: "Misdirected Request", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.20",
		Meaning: "The request reached a server that cannot answer for this host name, often a reused HTTP/2 connection or a TLS SNI mismatch.",
		Steps: []string{
			"Retry on a new connection.",
			"Check that the Host header and TLS server name agree.",
		}},
	{Code: 422, Name: "Unprocessable Content", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.21",
		Meaning: "The body is well-formed but its content fails validation.",
		Steps: []string{
			"Read the field errors in the body and fix each named field.",
			"Check required fields, allowed values and formats in the API docs.",
		}},
	{Code: 423, Name: "Locked", WhoActs: ActEither, Retryable: true, Official: true, Cite: "RFC 4918, 11.3",
		Meaning: "The resource is locked (WebDAV), so it cannot be changed now.",
		Steps: []string{
			"Wait for the lock to be released, or release your own lock, then retry.",
		}},
	{Code: 424, Name: "Failed Dependency", WhoActs: ActEither, Official: true, Cite: "RFC 4918, 11.4",
		Meaning: "The request failed because another action it depended on failed first.",
		Steps: []string{
			"Find and fix the earlier failed action, then resend.",
		}},
	{Code: 425, Name: "Too Early", WhoActs: ActClient, Retryable: true, Official: true, Cite: "RFC 8470, 5.2",
		Meaning: "The server will not risk processing a request sent in TLS early data, because it could be replayed.",
		Steps: []string{
			"Retry after the TLS handshake completes; HTTP clients usually do this by themselves.",
		}},
	{Code: 426, Name: "Upgrade Required", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.5.22",
		Meaning: "The server refuses this protocol and names the one it wants in the Upgrade header (for example TLS or HTTP/2).",
		Steps: []string{
			"Switch to the protocol named in Upgrade, e.g. https:// instead of http://.",
		}},
	{Code: 428, Name: "Precondition Required", WhoActs: ActClient, Official: true, Cite: "RFC 6585, 3",
		Meaning: "The server insists on a conditional request (If-Match) to avoid lost updates.",
		Steps: []string{
			"GET the resource, then resend with If-Match set to its ETag.",
		}},
	{Code: 429, Name: "Too Many Requests", WhoActs: ActClient, Retryable: true, Official: true, Cite: "RFC 6585, 4",
		Meaning: "The client sent too many requests in a given time: a rate limit or quota was hit.",
		Steps: []string{
			"Wait as long as Retry-After says (or the rate-limit reset), then retry.",
			"Retry with exponential back-off and jitter, and lower your request rate.",
			"Check your plan's quota if it keeps happening.",
		}},
	{Code: 431, Name: "Request Header Fields Too Large", WhoActs: ActClient, Official: true, Cite: "RFC 6585, 5",
		Meaning: "One header, or all headers together, are larger than the server accepts; often cookies or a huge token.",
		Steps: []string{
			"Remove unneeded headers and cookies, or shorten the token.",
		}},
	{Code: 451, Name: "Unavailable For Legal Reasons", WhoActs: ActNone, Official: true, Cite: "RFC 7725, 3",
		Meaning: "The server is denying access because of a legal demand, such as a court order or sanctions.",
		Steps: []string{
			"Nothing to change in the request; read the body or the Link header (rel=blocked-by) for who imposed it.",
		}},
}
