// Integration specs start real servers and render PDFs on a 2-core machine that also runs the
// databases: a spec gets 20 s before it counts as hung (jasmine's default is 5 s).
jasmine.DEFAULT_TIMEOUT_INTERVAL = 20_000;
