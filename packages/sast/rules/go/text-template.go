package web

import (
	"bytes"
	"net/http"
	"os"
	"text/template"
)

var profile = template.Must(template.New("profile").Parse(`<h1>{{.Name}}</h1><div>{{.Bio}}</div>`))

type Profile struct {
	Name string
	Bio  string
}

func showProfile(w http.ResponseWriter, r *http.Request) {
	p := Profile{Name: r.FormValue("name"), Bio: r.FormValue("bio")}
	w.Header().Set("Content-Type", "text/html")
	// ruleid: go.xss.text-template-http-response
	profile.Execute(w, p)
}

func showProfileNamed(rw http.ResponseWriter, r *http.Request) {
	// ruleid: go.xss.text-template-http-response
	profile.ExecuteTemplate(rw, "profile", Profile{Name: r.FormValue("name")})
}

func writeConfig(path string, p Profile) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	// ok: go.xss.text-template-http-response
	return profile.Execute(f, p)
}

func render(p Profile) string {
	var buf bytes.Buffer
	// ok: go.xss.text-template-http-response
	profile.Execute(&buf, p)
	return buf.String()
}
