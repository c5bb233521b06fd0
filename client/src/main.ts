import 'element-plus/dist/index.css';
import './app/styles/theme.css';
import ElementPlus from 'element-plus';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './app/i18n/index.js';
import { router } from './app/router.js';

createApp(App).use(createPinia()).use(router).use(i18n).use(ElementPlus).mount('#app');
