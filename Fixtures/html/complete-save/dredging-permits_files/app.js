window.analytics=function(){};
