package probe

import (
	"github.com/apierr/apierr/formats"
)

// Names used in a transport Diagnosis.
const (
	// FormatTransport is the format family of a request that got no response.
	FormatTransport = "transport"
	// FormatTransportName is its human name.
	FormatTransportName = "No response (transport error)"
	// FormatIncompleteName is its name when the status and headers came
	// but the body did not (a body cut off, reset or trickling past -m).
	FormatIncompleteName = "Incomplete response (transport error)"
	// GuideSource is the source named on every transport explanation and step.
	GuideSource = "apierr transport guide"
)

// guide is what the transport guide says about one kind of failure.
type guide struct {
	title       string
	explanation string
	steps       []string
	retryable   bool
	whoActs     string
}

// transportGuide is the project's own advice for each failure kind.
var transportGuide = map[string]guide{
	KindDNS: {"Host name not found",
		"The host name could not be resolved to an address, so no connection was attempted. The name may be misspelt, the domain may not exist, or the resolver (DNS, VPN, /etc/hosts) cannot see it from this machine.",
		[]string{"Check the host name in the URL for typos and for the right environment (staging vs production).", "Resolve it by hand (`dig HOST` or `nslookup HOST`) to see whether any resolver knows it.", "If the API is only reachable on a private network, connect the VPN or use the network it expects."},
		false, "client"},
	KindRefused: {"Connection refused",
		"The host answered, but nothing is listening on that port: the connection was actively refused. The service is down, restarting, or on another port.",
		[]string{"Check the port in the URL (https is 443, http is 80 unless the API says otherwise).", "If it is your own service, make sure it is running and listening on that address (127.0.0.1 vs 0.0.0.0).", "Retry after a short wait if the service may be restarting."},
		true, "server"},
	KindTimeoutConnect: {"Timed out connecting",
		"No TCP connection could be made in time: packets to the host get no answer. A firewall may drop them, the host may be down, or the route may not exist.",
		[]string{"Check that the host and port are reachable from this network (firewall, security group, VPN).", "Raise --connect-timeout if the network is just slow.", "Retry later if the host may be overloaded."},
		true, "either"},
	KindTimeoutTLS: {"Timed out during the TLS handshake",
		"The TCP connection was made but the TLS handshake did not finish in time. The server may be overloaded, or something on the path is holding the connection.",
		[]string{"Retry: handshakes stall mostly under load.", "Check whether a proxy or firewall intercepts TLS on this network.", "Raise --connect-timeout if the network is slow."},
		true, "either"},
	KindTimeoutHeaders: {"Timed out waiting for the response",
		"The request was sent but the server did not start answering before the time limit. The operation may be slow, or the server stuck.",
		[]string{"Raise -m/--max-time if the operation is known to be slow.", "Retry later; if it keeps happening, report it to the API's support with the time of the request.", "For writes, check whether the request took effect before sending it again: it may have been processed."},
		true, "server"},
	KindTimeoutBody: {"Timed out reading the response body",
		"The server answered but the body did not finish arriving before the time limit: the response is very large or trickling in.",
		[]string{"Raise -m/--max-time if the response is known to be large.", "Ask for less data (pagination, filters) if the API allows it.", "Retry later; a trickling body often means an overloaded server."},
		true, "server"},
	KindTLSUnknownAuth: {"Certificate signed by an unknown authority",
		"The server's TLS certificate is not signed by any authority this machine trusts: a self-signed or private-CA certificate, or a proxy intercepting TLS.",
		[]string{"If the API uses a private CA, pass its certificate with --cacert FILE.", "If a corporate proxy intercepts TLS, install its root certificate in the system store.", "Use -k/--insecure only to look at the response; the server's identity is then not checked."},
		false, "either"},
	KindTLSHostname: {"Certificate does not match the host name",
		"The server's TLS certificate is valid but was issued for other names than the one in the URL, so it cannot prove it is this host.",
		[]string{"Check the host name in the URL: use the name the certificate was issued for (often api.example.com rather than an IP address or an internal name).", "If the server serves several names, it may be missing this one in its certificate: tell its operators.", "Use -k/--insecure only to look at the response; the server's identity is then not checked."},
		false, "either"},
	KindTLSExpired: {"Certificate expired or not yet valid",
		"The server's TLS certificate is outside its validity period: it has expired, or this machine's clock is wrong.",
		[]string{"Check this machine's date and time.", "If the clock is right, the server's certificate has expired: tell its operators.", "Use -k/--insecure only to look at the response; the server's identity is then not checked."},
		false, "server"},
	KindTLSOther: {"TLS handshake failed",
		"The TLS handshake failed: the server and this client could not agree on a protocol or cipher, the server rejected the client, or the port does not speak TLS.",
		[]string{"Check that the URL's scheme matches the port (https on a TLS port, http on a plain one).", "Check whether the server needs a client certificate.", "Try the same URL with curl -v to see the handshake."},
		false, "either"},
	KindReset: {"Connection reset",
		"The connection was reset by the other side (or something in between) before a complete response arrived.",
		[]string{"Retry: resets are often transient (restarts, load balancer changes).", "If it happens every time, check for a proxy or firewall dropping the connection, or a request the server refuses to read (too large, wrong protocol).", "For writes, check whether the request took effect before sending it again."},
		true, "either"},
	KindUnexpectedEOF: {"Connection closed mid-response",
		"The server closed the connection before sending a complete response: it may have crashed, restarted, or hit a limit while answering.",
		[]string{"Retry: the server may have been restarting.", "If it happens every time, report it to the API's support with the time of the request: the server is failing while answering.", "For writes, check whether the request took effect before sending it again."},
		true, "server"},
	KindProxy: {"Proxy failed",
		"The request went through a proxy (from -x/--proxy or HTTP_PROXY/HTTPS_PROXY), and the proxy could not be reached or refused to carry it.",
		[]string{"Check the proxy settings: HTTP_PROXY, HTTPS_PROXY, NO_PROXY, or -x.", "Check that the proxy is running and allows this destination.", "Add the API's host to NO_PROXY if it should be reached directly."},
		true, "client"},
	KindInvalidURL: {"Invalid URL",
		"The URL cannot be sent: its scheme, host or port is missing or malformed.",
		[]string{"Write the full URL with its scheme, e.g. https://api.example.com/v1/items.", "Quote the URL in the shell if it contains & ? or spaces."},
		false, "client"},
	KindTooManyRedirects: {"Too many redirects",
		"The server kept redirecting past the --max-redirs limit: a redirect loop, often between http and https or with and without a trailing slash.",
		[]string{"Look at the hops: the same URLs repeating show the loop.", "Request the final URL directly, or fix the server's redirect rules.", "Raise --max-redirs only if the chain is long but finite."},
		false, "server"},
	KindCancelled: {"Cancelled",
		"The request was cancelled before a response arrived.",
		[]string{"Send it again when ready."},
		true, "none"},
	KindHeadersTooLarge: {"Response headers too large",
		"The server sent more header bytes than apierr accepts (1 MiB), so reading stopped there instead of exhausting memory. A misbehaving server or proxy is looping on headers.",
		[]string{"Report it to the API's operators: no sane response needs that many headers.", "Check for a proxy or middleware adding headers in a loop."},
		false, "server"},
	KindBadResponse: {"Response is not valid HTTP",
		"Something answered, but not with valid HTTP: another protocol on that port, https spoken to a plain-HTTP port (or the reverse), or a response whose status line or headers are malformed (control characters in a header line, for example), which HTTP clients must refuse.",
		[]string{"Check the URL's scheme and port (https:// vs http://).", "Check that the port belongs to the HTTP service.", "If the server sent a malformed header, report it to its operators with the message above: the response cannot be read safely."},
		false, "either"},
	KindInvalidOption: {"Option cannot be used",
		"An option needed to send the request could not be used (an unreadable --cacert file, a malformed --proxy).",
		[]string{"Fix the option named in the message and send again."},
		false, "client"},
	KindOther: {"Network error",
		"The request failed below HTTP, for a reason apierr does not recognize; the message shows what the system said.",
		[]string{"Read the message for the system's own words.", "Try the same request with curl -v to compare."},
		true, "either"},
}

// transportDiagnosis builds the Diagnosis of a request that got no
// response, in the same shape as a response's.
func transportDiagnosis(kind, message string) formats.Diagnosis {
	g, ok := transportGuide[kind]
	if !ok {
		g = transportGuide[KindOther]
	}
	steps := make([]formats.Step, len(g.steps))
	for i, s := range g.steps {
		steps[i] = formats.Step{Text: s, Source: GuideSource}
	}
	return formats.Diagnosis{
		StatusClass:   formats.ClassUnknown,
		Format:        FormatTransport,
		FormatName:    FormatTransportName,
		Title:         g.title,
		Message:       message,
		FieldErrors:   []formats.FieldError{},
		Retryable:     g.retryable,
		Explanation:   g.explanation,
		Recovery:      append([]string(nil), g.steps...),
		Steps:         steps,
		Sources:       []string{GuideSource},
		WhoActs:       g.whoActs,
		TransportKind: kind,
	}
}
