import { Component, Input, SecurityContext } from '@angular/core';
import { DomSanitizer, SafeHtml, SafeResourceUrl } from '@angular/platform-browser';

@Component({ selector: 'app-comment', template: '<div [innerHTML]="html"></div>' })
export class CommentComponent {
  @Input() body = '';
  html: SafeHtml = '';
  frame: SafeResourceUrl = '';

  constructor(private sanitizer: DomSanitizer) {}

  render(url: string): void {
    // ruleid: js.angular.bypass-security-trust
    this.html = this.sanitizer.bypassSecurityTrustHtml(this.body);
    // ruleid: js.angular.bypass-security-trust
    this.frame = this.sanitizer.bypassSecurityTrustResourceUrl(`https://www.youtube.com/embed/${url}`);
    // ok: js.angular.bypass-security-trust
    this.html = this.sanitizer.bypassSecurityTrustHtml('<b>static banner</b>');
    // ok: js.angular.bypass-security-trust
    this.html = this.sanitizer.sanitize(SecurityContext.HTML, this.body) ?? '';
  }
}
