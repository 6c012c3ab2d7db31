package redact

import "strings"

// secretNames are credential names, compared after normalize (lower case,
// only letters and digits), so "api_key", "Api-Key" and "apiKey" are one.
var secretNames = map[string]bool{
	"apikey": true, "xapikey": true, "apitoken": true,
	"token": true, "accesstoken": true, "refreshtoken": true, "idtoken": true,
	"authtoken": true, "xauthtoken": true, "bearer": true, "jwt": true,
	"secret": true, "clientsecret": true, "secretkey": true, "accesskey": true,
	"password": true, "passwd": true, "pwd": true, "passphrase": true,
	"signature": true, "sig": true, "xamzsignature": true, "xamzsecuritytoken": true,
	"xamzcredential": true, "session": true, "sessionid": true, "sessid": true,
	"phpsessid": true, "jsessionid": true, "sid": true, "auth": true,
	"authorization": true, "proxyauthorization": true, "cookie": true, "setcookie": true,
	"credential": true, "credentials": true, "creds": true, "privatekey": true, "xcsrftoken": true,
	"csrftoken": true, "xsrftoken": true, "xxsrftoken": true, "otp": true,
	"pin": true, "passcode": true, "cvv": true, "cvc": true,
}

// secretWords make a name secret wherever they stand in it ("stripe_secret",
// "github_token", "db_password"), unless the name ends with a word that
// describes the secret rather than holding it (see describingSuffixes).
var secretWords = []string{"token", "secret", "password", "passwd", "apikey", "credential", "privatekey", "signature", "sessionid", "subscriptionkey",
	"authkey", "appkey", "accesskey", "clientkey", "masterkey", "signingkey", "licensekey", "passphrase"}

// describingSuffixes end names whose value is about a secret, not the
// secret: "token_type": "Bearer", "password_min_length": 8.
var describingSuffixes = []string{"type", "url", "uri", "endpoint", "expires", "expiry", "expiresin", "expiresat", "length", "count", "ttl", "hint", "format", "required", "policy", "name", "field"}

func normalize(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteByte(c)
		}
	}
	return b.String()
}

// secretName reports whether a header, parameter or member called name
// holds a credential.
func (r *Redactor) secretName(name string) bool {
	if len(name) > 64 {
		return false
	}
	n := normalize(name)
	if n == "" {
		return false
	}
	if secretNames[n] {
		return true
	}
	if r == nil {
		r = &Redactor{}
	}
	for _, e := range r.Extra {
		// "tenant_pin" in the config also names the X-Tenant-Pin header.
		if e := normalize(e); e != "" && (n == e || n == "x"+e) {
			return true
		}
	}
	for _, s := range describingSuffixes {
		if strings.HasSuffix(n, s) && len(n) > len(s) {
			return false
		}
	}
	for _, w := range secretWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}
