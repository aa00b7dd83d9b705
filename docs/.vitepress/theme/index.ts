/** The default theme, plus the playground (loaded only on its page). */
import DefaultTheme from 'vitepress/theme';
import { defineAsyncComponent } from 'vue';
import type { Theme } from 'vitepress';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component(
      'Playground',
      defineAsyncComponent(() => import('./Playground.vue')),
    );
  },
} satisfies Theme;
