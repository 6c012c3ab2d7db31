package formats

// serverErrorStatuses are the registered 5xx codes.
var serverErrorStatuses = []StatusEntry{
	{Code: 500, Name: "Internal Server Error", WhoActs: ActServer, Retryable: true, Official: true, Cite: "RFC 9110, 15.6.1",
		Meaning: "The server hit an unexpected condition while handling the request. The request may be fine; the server failed.",
		Steps: []string{
			"Retry after a short wait, with back-off; it may be transient.",
			"If it persists, contact the API's support and quote the request id and time.",
			"Check whether one specific input triggers it, and report that input.",
		}},
	{Code: 501, Name: "Not Implemented", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.6.2",
		Meaning: "The server does not support the feature needed for this request, often an unknown method.",
		Steps: []string{
			"Check the method and endpoint against the API docs; this one is not available.",
		}},
	{Code: 502, Name: "Bad Gateway", WhoActs: ActServer, Retryable: true, Official: true, Cite: "RFC 9110, 15.6.3",
		Meaning: "A gateway or proxy got an invalid answer, or none, from the server behind it.",
		Steps: []string{
			"Retry after a short wait; the upstream may be restarting.",
			"Check the API's status page; report it with the request id if it persists.",
		}},
	{Code: 503, Name: "Service Unavailable", WhoActs: ActServer, Retryable: true, Official: true, Cite: "RFC 9110, 15.6.4",
		Meaning: "The server cannot handle the request right now: overloaded or down for maintenance. It is expected to be temporary.",
		Steps: []string{
			"Wait as long as Retry-After says, then retry with back-off.",
			"Check the API's status page for maintenance or an incident.",
		}},
	{Code: 504, Name: "Gateway Timeout", WhoActs: ActServer, Retryable: true, Official: true, Cite: "RFC 9110, 15.6.5",
		Meaning: "A gateway or proxy timed out waiting for the server behind it.",
		Steps: []string{
			"Retry after a short wait; the work may still complete, so check before repeating non-idempotent calls.",
			"Ask for less per request (smaller pages, narrower ranges).",
		}},
	{Code: 505, Name: "HTTP Version Not Supported", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.6.6",
		Meaning: "The server does not support the HTTP version the request used.",
		Steps: []string{
			"Retry with HTTP/1.1 (curl --http1.1).",
		}},
	{Code: 506, Name: "Variant Also Negotiates", WhoActs: ActServer, Official: true, Cite: "RFC 2295, 8.1",
		Meaning: "The server's content negotiation is misconfigured: the chosen variant negotiates again.",
		Steps: []string{
			"Report it to the API's owner; the client cannot fix it.",
		}},
	{Code: 507, Name: "Insufficient Storage", WhoActs: ActServer, Retryable: true, Official: true, Cite: "RFC 4918, 11.5",
		Meaning: "The server cannot store what the request needs (WebDAV): it is out of space or over a quota.",
		Steps: []string{
			"Free space or raise the quota, or try later; report it if it is not your quota.",
		}},
	{Code: 508, Name: "Loop Detected", WhoActs: ActServer, Official: true, Cite: "RFC 5842, 7.2",
		Meaning: "The server stopped an operation that would loop forever (WebDAV bindings, Depth: infinity).",
		Steps: []string{
			"Ask for a smaller depth, or report the loop to the API's owner.",
		}},
	{Code: 510, Name: "Not Extended", WhoActs: ActClient, Official: true, Cite: "RFC 2774, 7",
		Meaning: "The server needs an HTTP extension the request did not declare (an obsolete, historic mechanism).",
		Steps: []string{
			"Read the body for the extension required; the API's docs should name it.",
		}},
	{Code: 511, Name: "Network Authentication Required", WhoActs: ActClient, Official: true, Cite: "RFC 6585, 6",
		Meaning: "A captive portal (hotel or airport Wi-Fi, corporate network) wants you to log in before any request gets through.",
		Steps: []string{
			"Log in to the network in a browser, then retry.",
			"The answer did not come from the API at all: check which network you are on.",
		}},
}
