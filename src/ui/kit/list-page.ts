// Long lists (objects, a namespace's Services) show this many rows, and this many more per "Show
// more": 40,000 rows (a 5 MB paste) made every layout, style and accessibility pass crawl.
export const LIST_PAGE = 500;
