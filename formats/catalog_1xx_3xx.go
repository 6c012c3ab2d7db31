package formats

// informationalStatuses are the registered 1xx codes.
var informationalStatuses = []StatusEntry{
	{Code: 100, Name: "Continue", WhoActs: ActNone, Official: true, Cite: "RFC 9110, 15.2.1",
		Meaning: "The server has received the request headers and the client may send the body. It is an interim answer; the real response follows.",
		Steps: []string{
			"Nothing to do: wait for the final response that follows.",
			"If no final response ever comes, check the client's Expect: 100-continue handling and timeouts.",
		}},
	{Code: 101, Name: "Switching Protocols", WhoActs: ActNone, Official: true, Cite: "RFC 9110, 15.2.2",
		Meaning: "The server agrees to switch to the protocol named in the Upgrade header, such as WebSocket.",
		Steps: []string{
			"Nothing to fix: continue with the upgraded protocol.",
			"If you did not ask for an upgrade, check the Upgrade and Connection headers you send.",
		}},
	{Code: 102, Name: "Processing", WhoActs: ActNone, Official: true, Cite: "RFC 2518, 10.1",
		Meaning: "A WebDAV server says it is still working on a long request, so the client should not time out yet.",
		Steps: []string{
			"Keep waiting for the final response.",
			"Raise the client's read timeout if it gives up too early.",
		}},
	{Code: 103, Name: "Early Hints", WhoActs: ActNone, Official: true, Cite: "RFC 8297",
		Meaning: "The server sends some headers (usually Link preloads) before the final response is ready.",
		Steps: []string{
			"Nothing to fix: the final response follows.",
		}},
}

// successStatuses are the registered 2xx codes.
var successStatuses = []StatusEntry{
	{Code: 200, Name: "OK", WhoActs: ActNone, Official: true, Cite: "RFC 9110, 15.3.1",
		Meaning: "The request succeeded. Some APIs (GraphQL among them) still put errors in a 200 body.",
		Steps: []string{
			"Nothing to fix at the HTTP level.",
			"If the body carries an errors member, read it: the operation may have failed partly or wholly.",
		}},
	{Code: 201, Name: "Created", WhoActs: ActNone, Official: true, Cite: "RFC 9110, 15.3.2",
		Meaning: "The request succeeded and created a new resource, usually named in the Location header.",
		Steps: []string{
			"Nothing to fix; read Location for the new resource's URL.",
		}},
	{Code: 202, Name: "Accepted", WhoActs: ActNone, Official: true, Cite: "RFC 9110, 15.3.3",
		Meaning: "The request was accepted for processing, which has not finished; it may still fail later.",
		Steps: []string{
			"Poll the status URL or wait for the callback the API documents.",
			"Do not assume the work is done until the API says so.",
		}},
	{Code: 203, Name: "Non-Authoritative Information", WhoActs: ActNone, Official: true, Cite: "RFC 9110, 15.3.4",
		Meaning: "The request succeeded but a proxy between you and the server changed the response.",
		Steps: []string{
			"If the content looks wrong, check which proxy rewrote it.",
		}},
	{Code: 204, Name: "No Content", WhoActs: ActNone, Official: true, Cite: "RFC 9110, 15.3.5",
		Meaning: "The request succeeded and there is deliberately no body.",
		Steps: []string{
			"Nothing to fix; do not try to parse a body.",
		}},
	{Code: 205, Name: "Reset Content", WhoActs: ActNone, Official: true, Cite: "RFC 9110, 15.3.6",
		Meaning: "The request succeeded and the client should reset the form or view that sent it.",
		Steps: []string{
			"Nothing to fix; clear the input that produced the request.",
		}},
	{Code: 206, Name: "Partial Content", WhoActs: ActNone, Official: true, Cite: "RFC 9110, 15.3.7",
		Meaning: "The server sends only the byte range the Range header asked for.",
		Steps: []string{
			"Check Content-Range to see which part arrived, and request the rest if needed.",
		}},
	{Code: 207, Name: "Multi-Status", WhoActs: ActEither, Official: true, Cite: "RFC 4918, 11.1",
		Meaning: "A WebDAV response carrying a separate status for each of several resources; some may have failed.",
		Steps: []string{
			"Read each per-resource status in the body; handle the failed ones one by one.",
		}},
	{Code: 208, Name: "Already Reported", WhoActs: ActNone, Official: true, Cite: "RFC 5842, 7.1",
		Meaning: "Inside a WebDAV multi-status body: this resource's members were already listed earlier in the response.",
		Steps: []string{
			"Nothing to fix; the members appear elsewhere in the same response.",
		}},
	{Code: 226, Name: "IM Used", WhoActs: ActNone, Official: true, Cite: "RFC 3229, 10.4.1",
		Meaning: "The server answered a delta-encoding request with the changes only (instance manipulations applied).",
		Steps: []string{
			"Apply the delta to your cached copy, or stop sending A-IM if you want the full resource.",
		}},
}

// redirectionStatuses are the registered 3xx codes.
var redirectionStatuses = []StatusEntry{
	{Code: 300, Name: "Multiple Choices", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.4.1",
		Meaning: "The resource exists in several representations and the client must choose one.",
		Steps: []string{
			"Pick one of the alternatives listed in the body or the Location header.",
			"Send a more specific Accept header.",
		}},
	{Code: 301, Name: "Moved Permanently", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.4.2",
		Meaning: "The resource has a new permanent URL, given in Location. Clients may turn a POST into a GET when following it.",
		Steps: []string{
			"Update the URL you call to the one in Location.",
			"Follow redirects (curl -L) meanwhile; watch for POST becoming GET.",
		}},
	{Code: 302, Name: "Found", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.4.3",
		Meaning: "The resource is temporarily at the URL in Location. An API answering 302 often means a login page or a wrong base URL.",
		Steps: []string{
			"Follow the redirect (curl -L), or call the Location URL directly.",
			"If it points to a login page, the request lacks valid credentials.",
		}},
	{Code: 303, Name: "See Other", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.4.4",
		Meaning: "The result is available at another URL, to be fetched with GET.",
		Steps: []string{
			"GET the URL in Location.",
		}},
	{Code: 304, Name: "Not Modified", WhoActs: ActNone, Official: true, Cite: "RFC 9110, 15.4.5",
		Meaning: "The cached copy the client named with If-None-Match or If-Modified-Since is still current, so no body is sent.",
		Steps: []string{
			"Use your cached copy.",
			"If you have no cache, stop sending conditional headers.",
		}},
	{Code: 305, Name: "Use Proxy", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.4.6",
		Meaning: "Deprecated: the resource was to be fetched through the proxy in Location. Clients ignore it for security reasons.",
		Steps: []string{
			"Check the server's configuration; modern clients will not follow this.",
		}},
	{Code: 306, Name: "(Unused)", WhoActs: ActServer, Official: true, Cite: "RFC 9110, 15.4.7",
		Meaning: "Reserved: the code was used in an early draft and has no meaning today.",
		Steps: []string{
			"Treat it as a server bug and report it to the API's owner.",
		}},
	{Code: 307, Name: "Temporary Redirect", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.4.8",
		Meaning: "The resource is temporarily at the URL in Location; repeat the same method and body there.",
		Steps: []string{
			"Follow the redirect with the same method (curl -L does).",
			"Check whether you use http:// where the API wants https://.",
		}},
	{Code: 308, Name: "Permanent Redirect", WhoActs: ActClient, Official: true, Cite: "RFC 9110, 15.4.9",
		Meaning: "The resource has moved for good to the URL in Location; repeat the same method and body there.",
		Steps: []string{
			"Update the URL you call to the one in Location.",
			"Check for a missing or extra trailing slash, or http:// instead of https://.",
		}},
}
