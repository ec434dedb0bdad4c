// Karma for the console's specs, run by `nx run console:test` through @angular/build:karma.
process.env.CHROME_BIN ||= '/usr/bin/chromium';

module.exports = function (config) {
  const ci = !!process.env.CI || !config.autoWatch;
  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    plugins: [require('karma-jasmine'), require('karma-chrome-launcher')],
    client: { jasmine: { random: true }, clearContext: false },
    reporters: ['dots'],
    browsers: ['ChromeHeadlessCI'],
    customLaunchers: {
      ChromeHeadlessCI: {
        base: 'ChromeHeadless',
        flags: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    },
    singleRun: ci,
    autoWatch: !ci,
    browserNoActivityTimeout: 60000,
    restartOnFileChange: true,
  });
};
