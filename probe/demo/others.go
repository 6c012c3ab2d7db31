package demo

import (
	"encoding/json"
	"net/http"
	"strings"
	"unicode/utf8"
)

// The common others: error formats apierr meets outside the five
// documented APIs, each shaped after a published example (source noted
// next to each).

func otherRoute(method, path string, status int, format, desc string, h http.Header, body string) Route {
	return Route{Method: method, Path: path, Status: status, Format: format, Description: desc, Header: h, Body: body}
}

func otherEndpoints() []endpoint {
	return []endpoint{
		{
			pattern: "POST /other/graphql",
			handler: graphqlHandler,
			examples: []Route{
				otherRoute("POST", "/other/graphql", 200, "graphql", "GraphQL: a partial failure reported in errors[] of a 200",
					http.Header{"Content-Type": {ctJSON}}, `{"query":"{ hero { name heroFriends: friends { id name } } }"}`),
			},
		},
		{
			pattern: "POST /other/jsonapi/people",
			handler: jsonapiHandler,
			examples: []Route{
				otherRoute("POST", "/other/jsonapi/people", 422, "jsonapi", "JSON:API: an error object with a source pointer",
					http.Header{"Content-Type": {"application/vnd.api+json"}}, `{"data":{"type":"people","attributes":{"firstName":"J"}}}`),
			},
		},
		{
			pattern: "POST /other/oauth/token",
			handler: oauthToken,
			examples: []Route{
				otherRoute("POST", "/other/oauth/token", 400, "oauth2", "OAuth 2.0: token request with an expired authorization code (invalid_grant)",
					http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, "grant_type=authorization_code&code=expired-code&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb"),
			},
		},
		{
			pattern: "GET /other/gateway",
			handler: nginx502,
			examples: []Route{
				otherRoute("GET", "/other/gateway", 502, "html", "nginx: the HTML 502 page a gateway sends when the upstream is down", nil, ""),
			},
		},
		{
			pattern: "GET /other/me",
			handler: bearerExpired,
			examples: []Route{
				otherRoute("GET", "/other/me", 401, "empty", "OAuth bearer: expired token, empty 401, the reason only in WWW-Authenticate",
					http.Header{"Authorization": {"Bearer expired-token"}}, ""),
			},
		},
		{
			pattern: "GET /other/s3/{bucket}/{key...}",
			handler: s3Denied,
			examples: []Route{
				otherRoute("GET", "/other/s3/demo-bucket/private/report.csv", 403, "xml", "AWS S3: an XML <Error> AccessDenied with RequestId", nil, ""),
			},
		},
		{
			pattern: "GET /other/google/v1/projects/{project}/instances",
			handler: googleQuota,
			examples: []Route{
				otherRoute("GET", "/other/google/v1/projects/demo/instances", 429, "google-status", "Google APIs: RESOURCE_EXHAUSTED with RetryInfo (Retry-After)", nil, ""),
			},
		},
	}
}

// graphqlHandler answers any query with the partial failure of the GraphQL
// specification's example (spec.graphql.org, October 2021, 7.1.2 Errors):
// data for what resolved, errors[] for the field that did not, status 200.
func graphqlHandler(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Request-Id", newRequestID())
	body, err := readBody(w, r)
	var req struct {
		Query string `json:"query"`
	}
	if err == nil {
		err = json.Unmarshal(body, &req)
	}
	if err != nil || strings.TrimSpace(req.Query) == "" {
		sendJSON(w, http.StatusBadRequest, map[string]any{"errors": []map[string]string{{"message": "Must provide query string."}}})
		return
	}
	send(w, http.StatusOK, ctJSON, []byte(`{"errors":[{"message":"Name for character with ID 1002 could not be fetched.","locations":[{"line":1,"column":41}],"path":["hero","heroFriends",1,"name"]}],`+
		`"data":{"hero":{"name":"R2-D2","heroFriends":[{"id":"1000","name":"Luke Skywalker"},{"id":"1002","name":null},{"id":"1003","name":"Leia Organa"}]}}}`+"\n"))
}

// jsonapiHandler validates firstName like the error example of
// jsonapi.org/format/#error-objects ("Invalid Attribute", pointer
// /data/attributes/firstName).
func jsonapiHandler(w http.ResponseWriter, r *http.Request) {
	const ct = "application/vnd.api+json"
	w.Header().Set("X-Request-Id", newRequestID())
	body, err := readBody(w, r)
	var doc struct {
		Data struct {
			Type       string `json:"type"`
			Attributes struct {
				FirstName string `json:"firstName"`
			} `json:"attributes"`
		} `json:"data"`
	}
	if err == nil {
		err = json.Unmarshal(body, &doc)
	}
	if err != nil {
		send(w, http.StatusBadRequest, ct, marshal(map[string]any{"errors": []map[string]any{{"status": "400", "title": "Invalid JSON", "detail": err.Error()}}}))
		return
	}
	if utf8.RuneCountInString(doc.Data.Attributes.FirstName) < 2 {
		send(w, http.StatusUnprocessableEntity, ct, marshal(map[string]any{"errors": []map[string]any{{
			"status": "422",
			"source": map[string]string{"pointer": "/data/attributes/firstName"},
			"title":  "Invalid Attribute",
			"detail": "First name must contain at least two characters.",
		}}}))
		return
	}
	w.Header().Set("Location", "/other/jsonapi/people/9")
	send(w, http.StatusCreated, ct, marshal(map[string]any{"data": map[string]any{"type": "people", "id": "9", "attributes": map[string]string{"firstName": doc.Data.Attributes.FirstName}}}))
}

// oauthToken is a token endpoint answering as RFC 6749, 5.2 shows: 400,
// no-store, {"error", "error_description"}. Only the code "demo-code" is
// accepted.
func oauthToken(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Pragma", "no-cache")
	fail := func(code, desc string) {
		sendJSON(w, http.StatusBadRequest, map[string]string{"error": code, "error_description": desc})
	}
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if err := r.ParseForm(); err != nil {
		fail("invalid_request", "The request body could not be read as a form")
		return
	}
	switch grant := r.PostForm.Get("grant_type"); {
	case grant == "":
		fail("invalid_request", "The request is missing the grant_type parameter")
	case grant != "authorization_code":
		fail("unsupported_grant_type", "The grant type "+grant+" is not supported by this server")
	case r.PostForm.Get("code") != "demo-code":
		fail("invalid_grant", "The authorization code is invalid, expired, or was already used")
	default:
		sendJSON(w, http.StatusOK, map[string]any{"access_token": Token, "token_type": "Bearer", "expires_in": 3600})
	}
}

// nginx502 is nginx's built-in 502 page, byte for byte with its CRLF line
// ends (nginx src/http/ngx_http_special_response.c, ngx_http_error_502_page
// and ngx_http_error_tail).
func nginx502(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Server", "nginx")
	send(w, http.StatusBadGateway, "text/html", []byte("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"))
}

// bearerExpired is a resource server refusing an expired token with no
// body at all, as RFC 6750, 3 shows: the reason is only in the header.
// Every token counts as expired here, the demo's own included.
func bearerExpired(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Request-Id", newRequestID())
	w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token", error_description="The access token expired"`)
	send(w, http.StatusUnauthorized, "", nil)
}

// s3Denied is the S3 REST error response (docs.aws.amazon.com/AmazonS3/
// latest/API/ErrorResponses.html) for AccessDenied.
func s3Denied(w http.ResponseWriter, r *http.Request) {
	id := strings.ToUpper(strings.ReplaceAll(newRequestID(), "-", ""))[:16]
	hostID := "demo/" + strings.ReplaceAll(newRequestID(), "-", "")
	h := w.Header()
	h.Set("x-amz-request-id", id)
	h.Set("x-amz-id-2", hostID)
	h.Set("Server", "AmazonS3")
	send(w, http.StatusForbidden, "application/xml", []byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>`+id+`</RequestId><HostId>`+hostID+`</HostId></Error>`))
}

// googleQuota follows the error model of Google APIs (AIP-193 and
// cloud.google.com/apis/design/errors): code, message, status and typed
// details, here ErrorInfo and RetryInfo.
func googleQuota(w http.ResponseWriter, r *http.Request) {
	retryAfter(w, 30)
	sendJSON(w, http.StatusTooManyRequests, map[string]any{"error": map[string]any{
		"code":    429,
		"message": "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute' of service 'compute.googleapis.com' for consumer 'project_number:123456789'.",
		"status":  "RESOURCE_EXHAUSTED",
		"details": []map[string]any{
			{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "RATE_LIMIT_EXCEEDED", "domain": "googleapis.com",
				"metadata": map[string]string{"service": "compute.googleapis.com", "quota_metric": "compute.googleapis.com/read_requests"}},
			{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "30s"},
		},
	}})
}
