package formats

// unofficialStatuses are codes outside the IANA registry that servers,
// proxies and CDNs commonly send. Each cites the vendor that defines it.
var unofficialStatuses = []StatusEntry{
	{Code: 419, Name: "Page Expired", WhoActs: ActClient, Cite: "Laravel: TokenMismatchException (CSRF token expired)",
		Meaning: "Laravel's answer when the CSRF token is missing or expired, usually a form or session that is too old.",
		Steps: []string{
			"Reload the page or start a new session to get a fresh CSRF token.",
			"For API calls, use the API routes (no CSRF check) or send the X-CSRF-TOKEN header.",
		}},
	{Code: 420, Name: "Enhance Your Calm", WhoActs: ActClient, Retryable: true, Cite: "Twitter API v1 (retired): rate limiting",
		Meaning: "An old Twitter API answer for a client being rate limited; a few services still copy it.",
		Steps: []string{
			"Slow down and retry with back-off, as for 429.",
		}},
	{Code: 440, Name: "Login Time-out", WhoActs: ActClient, Cite: "Microsoft IIS: HTTP status codes (440 Login Time-out)",
		Meaning: "Microsoft IIS and Exchange say the client's session has expired.",
		Steps: []string{
			"Log in again to get a new session, then resend.",
		}},
	{Code: 444, Name: "No Response", WhoActs: ActClient, Cite: "nginx: ngx_http_rewrite_module, return 444",
		Meaning: "nginx closed the connection without answering; it is logged as 444 and the client sees an empty reply.",
		Steps: []string{
			"The server rejected the request on purpose: check the Host header, user agent and URL against what it expects.",
			"Ask the operator whether your client or IP is blocked.",
		}},
	{Code: 460, Name: "Client Closed Connection", WhoActs: ActClient, Retryable: true, Cite: "AWS Elastic Load Balancing: HTTP 460",
		Meaning: "An AWS load balancer logs this when the client closed the connection before the idle timeout passed.",
		Steps: []string{
			"Raise the client's timeout to exceed the target's processing time, then retry.",
		}},
	{Code: 494, Name: "Request Header Too Large", WhoActs: ActClient, Cite: "nginx: ngx_http_request.h (NGX_HTTP_REQUEST_HEADER_TOO_LARGE)",
		Meaning: "nginx rejected a request whose header line or headers were too large (before 431 existed).",
		Steps: []string{
			"Shrink cookies and headers, as for 431.",
		}},
	{Code: 495, Name: "SSL Certificate Error", WhoActs: ActClient, Cite: "nginx: ngx_http_ssl_module, error processing",
		Meaning: "nginx could not verify the client certificate the request presented.",
		Steps: []string{
			"Check the client certificate: its chain, expiry and issuer must be what the server trusts.",
		}},
	{Code: 496, Name: "SSL Certificate Required", WhoActs: ActClient, Cite: "nginx: ngx_http_ssl_module, error processing",
		Meaning: "nginx requires a client certificate (mutual TLS) and the request had none.",
		Steps: []string{
			"Send a client certificate and key (curl --cert/--key).",
		}},
	{Code: 497, Name: "HTTP Request Sent to HTTPS Port", WhoActs: ActClient, Cite: "nginx: ngx_http_ssl_module, error processing",
		Meaning: "nginx received plain HTTP on a port that expects TLS.",
		Steps: []string{
			"Use https:// for this host and port.",
		}},
	{Code: 498, Name: "Invalid Token", WhoActs: ActClient, Cite: "Esri ArcGIS REST API: error codes (498 invalid token)",
		Meaning: "Esri ArcGIS says the token is expired or otherwise invalid.",
		Steps: []string{
			"Generate a new token and resend.",
		}},
	{Code: 499, Name: "Client Closed Request", WhoActs: ActClient, Retryable: true, Cite: "nginx: ngx_http_request.h (NGX_HTTP_CLIENT_CLOSED_REQUEST)",
		Meaning: "nginx logs this when the client closed the connection before the server answered, usually a client timeout.",
		Steps: []string{
			"Raise the client's timeout, or ask for less work per request, then retry.",
			"Check whether a proxy between you and the server gave up first.",
		}},
	{Code: 509, Name: "Bandwidth Limit Exceeded", WhoActs: ActServer, Retryable: true, Cite: "cPanel/Apache bw_limited (unofficial)",
		Meaning: "Hosting panels send this when the site has used up its bandwidth allowance.",
		Steps: []string{
			"Wait for the allowance to reset, or tell the site's owner.",
		}},
	{Code: 520, Name: "Web Server Returned an Unknown Error", WhoActs: ActServer, Retryable: true, Cite: "Cloudflare docs: 5xx errors, Error 520",
		Meaning: "Cloudflare got an empty, unknown or unexpected response from the origin server.",
		Steps: []string{
			"Retry after a short wait.",
			"Report it to the API's owner with the CF-Ray id: their origin is misbehaving behind Cloudflare.",
		}},
	{Code: 521, Name: "Web Server Is Down", WhoActs: ActServer, Retryable: true, Cite: "Cloudflare docs: 5xx errors, Error 521",
		Meaning: "Cloudflare could not connect to the origin server: it refused the connection.",
		Steps: []string{
			"Retry later; the origin is down or blocks Cloudflare.",
			"Check the API's status page, or report it with the CF-Ray id.",
		}},
	{Code: 522, Name: "Connection Timed Out", WhoActs: ActServer, Retryable: true, Cite: "Cloudflare docs: 5xx errors, Error 522",
		Meaning: "Cloudflare timed out connecting to the origin server.",
		Steps: []string{
			"Retry later; the origin is overloaded or unreachable.",
			"Report it with the CF-Ray id if it persists.",
		}},
	{Code: 523, Name: "Origin Is Unreachable", WhoActs: ActServer, Retryable: true, Cite: "Cloudflare docs: 5xx errors, Error 523",
		Meaning: "Cloudflare cannot reach the origin at all, often a DNS or routing problem on the origin's side.",
		Steps: []string{
			"Retry later, and report it to the API's owner with the CF-Ray id.",
		}},
	{Code: 524, Name: "A Timeout Occurred", WhoActs: ActServer, Retryable: true, Cite: "Cloudflare docs: 5xx errors, Error 524",
		Meaning: "Cloudflare connected to the origin but got no HTTP response within its timeout (100 seconds by default).",
		Steps: []string{
			"Ask for less work per request, or use the API's asynchronous variant if it has one.",
			"Check whether the work completed before repeating a non-idempotent call.",
		}},
	{Code: 525, Name: "SSL Handshake Failed", WhoActs: ActServer, Retryable: true, Cite: "Cloudflare docs: 5xx errors, Error 525",
		Meaning: "Cloudflare could not complete a TLS handshake with the origin server.",
		Steps: []string{
			"Report it to the API's owner with the CF-Ray id; the client cannot fix it.",
		}},
	{Code: 526, Name: "Invalid SSL Certificate", WhoActs: ActServer, Cite: "Cloudflare docs: 5xx errors, Error 526",
		Meaning: "Cloudflare could not validate the origin server's certificate.",
		Steps: []string{
			"Report it to the API's owner with the CF-Ray id; their origin certificate is invalid.",
		}},
	{Code: 527, Name: "Railgun Error", WhoActs: ActServer, Retryable: true, Cite: "Cloudflare docs: 5xx errors, Error 527",
		Meaning: "The connection between Cloudflare and the origin's Railgun listener was interrupted (a retired Cloudflare feature).",
		Steps: []string{
			"Retry later, and report it with the CF-Ray id.",
		}},
	{Code: 530, Name: "Origin DNS Error", WhoActs: ActServer, Cite: "Cloudflare docs: 5xx errors, Error 530",
		Meaning: "Cloudflare returns 530 with a 1xxx error in the body, often a DNS problem resolving the origin.",
		Steps: []string{
			"Read the 1xxx error number in the body and report it with the CF-Ray id.",
		}},
	{Code: 561, Name: "Unauthorized", WhoActs: ActClient, Cite: "AWS Elastic Load Balancing: HTTP 561",
		Meaning: "An AWS load balancer's identity provider rejected the user's authentication.",
		Steps: []string{
			"Log in again through the identity provider; check the load balancer's authentication settings.",
		}},
	{Code: 598, Name: "Network Read Timeout Error", WhoActs: ActServer, Retryable: true, Cite: "Microsoft and other HTTP proxies (unofficial)",
		Meaning: "Some proxies send this when the upstream server did not answer in time while they were reading.",
		Steps: []string{
			"Retry after a short wait; ask for less work per request.",
		}},
	{Code: 599, Name: "Network Connect Timeout Error", WhoActs: ActServer, Retryable: true, Cite: "Microsoft and other HTTP proxies (unofficial)",
		Meaning: "Some proxies and clients report this when connecting to the upstream server timed out.",
		Steps: []string{
			"Retry after a short wait; check the API's status page.",
		}},
}
