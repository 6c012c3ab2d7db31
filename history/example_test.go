package history_test

import (
	"fmt"

	"github.com/apierr/apierr/history"
)

func ExampleParseQuery() {
	q, err := history.ParseQuery(`status:5xx host:api.occuspace.io "not accessible" after:2026-11-01`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(q.Class, q.Host, q.Text, q.After.Format("2006-01-02"))

	_, err = history.ParseQuery("stauts:404")
	fmt.Println(err)
	// Output:
	// 5 api.occuspace.io [not accessible] 2026-11-01
	// bad history query: unknown filter 'stauts:' — did you mean status:?
}
