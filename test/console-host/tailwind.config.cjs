// The DQOps 1.13.2 console's Tailwind setup, as far as it matters here: preflight on (Tailwind's
// default), its primary and text colours, and a light grey that preflight uses for placeholders.
module.exports = {
  content: [__dirname + '/src/**/*.js'],
  theme: {
    extend: {
      colors: { primary: '#029A80', gray: { 400: '#dedede' } },
      textColor: { DEFAULT: '#2F2F2F' },
    },
  },
  plugins: [],
};
